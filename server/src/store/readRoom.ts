import { BoardDoc, ControlDoc, docFromUpdates } from '@okr/shared/doc';
import type { RoomStore } from './roomStore.ts';

/** A room's two documents as stored, for export and the command-line tool (works with the server stopped). */
export function readRoomDocs(store: RoomStore, roomId: string): { board: BoardDoc; control: ControlDoc } {
  return {
    board: new BoardDoc(docFromUpdates(store.loadDoc(roomId, 'board').updates)),
    control: new ControlDoc(docFromUpdates(store.loadDoc(roomId, 'control').updates)),
  };
}
