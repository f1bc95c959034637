import { cardIdsOfSnapshot, ControlDoc, docFromUpdates, encodeState, restoreUpdate } from '@okr/shared/doc';
import { UnknownVersionError } from '../restoreInStore.ts';
import { rowUpdates, type PgDocLog } from './pgDocLog.ts';
import type { PgVersions } from './pgVersions.ts';

/**
 * restoreInStore for shared mode (`okr restore` with DATABASE_URL): the board it replaces is kept
 * as a "Before a restore" version, then the forward change is appended to the board's log like
 * any accepted update. Every instance holding the room applies it from the log (its head check
 * reads new rows within a second) and sends it to its people; a room loaded nowhere opens with
 * it. The version comes first: if the append then fails, the board is unchanged and the extra
 * version is only a copy of it. Returns whether the board changed (false: it already equalled
 * the version).
 */
export async function restoreShared(db: { docLog: PgDocLog; versions: PgVersions }, roomId: string, versionId: number, now = Date.now()): Promise<boolean> {
  const snapshot = await db.versions.snapshot(roomId, versionId);
  if (!snapshot) throw new UnknownVersionError(`Room ${roomId} has no version ${versionId}.`);
  const [boardRows, controlRows] = await Promise.all([db.docLog.readAfter(roomId, 'board', 0), db.docLog.readAfter(roomId, 'control', 0)]);
  const board = docFromUpdates(rowUpdates(boardRows));
  const control = new ControlDoc(docFromUpdates(rowUpdates(controlRows)));
  try {
    const current = encodeState(board);
    const change = restoreUpdate(board, snapshot);
    await db.versions.add(roomId, { reason: 'restore', step: control.state().step, board: current, cardIds: cardIdsOfSnapshot(current), createdAt: now });
    if (change) await db.docLog.appendTurn([{ roomId, doc: 'board', update: change }], now);
    return change !== null;
  } finally {
    board.destroy();
    control.ydoc.destroy();
  }
}
