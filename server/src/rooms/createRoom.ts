import { BoardDoc, ControlDoc, encodeState, ORIGIN } from '@okr/shared/doc';
import { defaultWorkshop } from '@okr/shared/schema';
import type { PgCatalog } from '../store/postgres/pgCatalog.ts';
import type { CreatedRoom, RoomStore } from '../store/roomStore.ts';
import { roomLinks } from './links.ts';

/** The title of a board created without one, by the rooms API and `okr import` alike. */
export const DEFAULT_ROOM_TITLE = 'OKR workshop';

/** A board as one made in the app starts: `newBoard('Platform Q3')`; a blank title gets the default. */
export function newBoard(title?: string): BoardDoc {
  const board = new BoardDoc();
  board.updateWorkshop(defaultWorkshop(title || DEFAULT_ROOM_TITLE), ORIGIN.import);
  return board;
}

/**
 * Stores a new room with its first board (and control) state and returns it with its links. The
 * projector shows the join link as a QR code (the facilitator can hide it), so it is published in
 * the control document from the start.
 */
export function createRoom(store: RoomStore, baseUrl: string, board: BoardDoc, control?: ControlDoc): { room: CreatedRoom; links: ReturnType<typeof roomLinks> } {
  const title = board.workshop().title.trim() || DEFAULT_ROOM_TITLE;
  const room = store.createRoom(title, { board: encodeState(board.ydoc), control: control && encodeState(control.ydoc) });
  const links = roomLinks(baseUrl, room);
  store.appendUpdates(room.id, 'control', [joinUrlUpdate(links.participantUrl)]);
  return { room, links };
}

/** The control-document update that shows the join link on the projector. */
export function joinUrlUpdate(participantUrl: string): Uint8Array {
  const join = new ControlDoc();
  join.set({ joinUrl: participantUrl });
  return encodeState(join.ydoc);
}

/**
 * Shared mode's createRoom: the same first states, stored in PostgreSQL in one transaction as the
 * first rows of each document's log (sequence 1, 2, …), which any instance loads like any other.
 */
export async function createSharedRoom(catalog: PgCatalog, baseUrl: string, board: BoardDoc, control?: ControlDoc): Promise<{ room: CreatedRoom; links: ReturnType<typeof roomLinks> }> {
  const title = board.workshop().title.trim() || DEFAULT_ROOM_TITLE;
  const room = await catalog.createRoom(title, (roomId) => ({
    board: [encodeState(board.ydoc)],
    control: [...(control ? [encodeState(control.ydoc)] : []), joinUrlUpdate(roomLinks(baseUrl, { id: roomId }).participantUrl)],
  }));
  return { room, links: roomLinks(baseUrl, room) };
}
