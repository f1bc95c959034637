import * as Y from 'yjs';

/** The whole document as one update: what the server stores as a snapshot and what an import produces. */
export function encodeState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/** A document rebuilt from stored updates (a snapshot and its log), merged first so it applies once. */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates([...updates]));
  return doc;
}
