import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';

/** Test support: boards that exchange updates only when told to, like devices that go offline. */
export const NETWORK = 'test:network';

/** Sends `from` everything `to` has not seen, as the sync protocol does on reconnect. */
export function deliver(from: BoardDoc, to: BoardDoc): void {
  Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)), NETWORK);
}

/** Brings every board up to date with every other. */
export function syncAll(boards: readonly BoardDoc[]): void {
  for (const from of boards) for (const to of boards) if (from !== to) deliver(from, to);
}

/**
 * `count` boards that start from the same content, written by `seed` on the first. Fixed
 * `clientIds` decide who wins a concurrent write to one map key (the higher id).
 */
export function peers(count: number, seed: (board: BoardDoc) => void = () => {}, clientIds: readonly number[] = []): BoardDoc[] {
  const boards = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = clientIds[i] ?? doc.clientID;
    return new BoardDoc(doc);
  });
  seed(boards[0]!);
  syncAll(boards);
  return boards;
}
