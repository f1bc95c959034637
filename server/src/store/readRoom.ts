import { BoardDoc, ControlDoc, docFromUpdates } from '@okr/shared/doc';
import { rowUpdates, type PgDocLog } from './postgres/pgDocLog.ts';
import type { RoomStore } from './roomStore.ts';

/** A room's two documents as stored, for export and the command-line tool (works with the server stopped). */
export function readRoomDocs(store: RoomStore, roomId: string): { board: BoardDoc; control: ControlDoc } {
  return {
    board: new BoardDoc(docFromUpdates(store.loadDoc(roomId, 'board').updates)),
    control: new ControlDoc(docFromUpdates(store.loadDoc(roomId, 'control').updates)),
  };
}

/** readRoomDocs in shared mode: what PostgreSQL holds (snapshot plus log) is everything any client has been sent. */
export async function readSharedRoomDocs(docLog: PgDocLog, roomId: string): Promise<{ board: BoardDoc; control: ControlDoc }> {
  const [board, control] = await Promise.all([docLog.readAfter(roomId, 'board', 0), docLog.readAfter(roomId, 'control', 0)]);
  return { board: new BoardDoc(docFromUpdates(rowUpdates(board))), control: new ControlDoc(docFromUpdates(rowUpdates(control))) };
}
