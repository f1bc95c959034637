import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStored, docFromUpdates } from './encoding.ts';

/** Updates of two writers: a snapshot of the first's early cards, then one row per later edit, interleaved. */
function history(): { snapshot: Uint8Array; log: Uint8Array[]; expected: Record<string, unknown> } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const log: Uint8Array[] = [];
  a.getMap('cards').set('a0', 'first');
  const snapshot = Y.encodeStateAsUpdate(a);
  Y.applyUpdate(b, snapshot);
  a.on('update', (u: Uint8Array) => log.push(u));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && log.push(u));
  for (let i = 1; i < 6; i++) {
    a.getMap('cards').set(`a${i}`, `a says ${i}`);
    b.getMap('cards').set(`b${i}`, `b says ${i}`);
  }
  b.getMap('cards').delete('a0');
  for (const u of log) Y.applyUpdate(b, u, 'remote');
  return { snapshot, log, expected: b.getMap('cards').toJSON() };
}

describe('applyStored', () => {
  const { snapshot, log, expected } = history();
  it.each([
    ['snapshot then log, in order', [snapshot, ...log]],
    ['log before the snapshot (rows read out of order)', [...log, snapshot]],
    ['log reversed', [snapshot, ...[...log].reverse()]],
    ['the snapshot alone', [snapshot]],
  ])('rebuilds what merging would: %s', (_, updates) => {
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates(updates));
    const doc = new Y.Doc();
    applyStored(doc, updates);
    expect(doc.getMap('cards').toJSON()).toEqual(merged.getMap('cards').toJSON());
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(merged));
    if (updates.length > 1) expect(doc.getMap('cards').toJSON()).toEqual(expected);
  });

  it('leaves a document untouched for no updates, and docFromUpdates builds the same', () => {
    const doc = new Y.Doc();
    applyStored(doc, []);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
    expect(docFromUpdates([snapshot, ...log]).getMap('cards').toJSON()).toEqual(expected);
  });
});
