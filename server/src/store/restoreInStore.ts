import { cardIdsOfSnapshot, ControlDoc, docFromUpdates, encodeState, restoreUpdate } from '@okr/shared/doc';
import { SERVER_CLIENT_ID } from '../relay/serverClientId.ts';
import type { RoomStore } from './roomStore.ts';

export class UnknownVersionError extends Error {
  override name = 'UnknownVersionError';
}

/**
 * Restores a version of a room no running server holds in memory, in the store itself: the
 * forward change is appended to the board's log like any accepted update, so the room loads with
 * it, and the board it replaces is kept as a version first, in the same transaction. A loaded room
 * must restore through its Room instead (RoomHistory.restore) so its document and clients see it.
 */
export function restoreInStore(store: RoomStore, roomId: string, versionId: number, now = Date.now()): void {
  const snapshot = store.versions.snapshot(roomId, versionId);
  if (!snapshot) throw new UnknownVersionError(`Room ${roomId} has no version ${versionId}.`);
  const board = docFromUpdates(store.loadDoc(roomId, 'board').updates);
  const control = new ControlDoc(docFromUpdates(store.loadDoc(roomId, 'control').updates));
  try {
    const current = encodeState(board);
    // Under the server's own id, as if the server made it: no server holds the room, and once one
    // loads it, no participant may write under that id or be taken for the restore's author.
    const change = restoreUpdate(board, snapshot, SERVER_CLIENT_ID);
    store.inTransaction(() => {
      store.versions.add(roomId, { reason: 'restore', step: control.state().step, board: current, cardIds: cardIdsOfSnapshot(current), createdAt: now });
      if (change) store.appendUpdates(roomId, 'board', [change], now);
    });
  } finally {
    board.destroy();
    control.ydoc.destroy();
  }
}
