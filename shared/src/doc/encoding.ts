import * as Y from 'yjs';

/** The whole document as one update: what the server stores as a snapshot and what an import produces. */
export function encodeState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Applies stored updates (a snapshot and its log, in any order) in one transaction. Not
 * Y.mergeUpdates first: its cost grows far faster than the count (3.1 s for a snapshot and 10,000
 * one-card log rows, against 0.24 s applied one by one in one transaction; BENCHMARKS.md, catch-up).
 */
export function applyStored(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  if (updates.length === 0) return;
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
}

/** A document rebuilt from stored updates (a snapshot and its log). */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, updates);
  return doc;
}
