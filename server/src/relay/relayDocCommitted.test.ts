import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { RelayDoc } from './relayDoc.ts';

/** An update from a client of its own: one dismissal, a small keyed value the board's schema takes. */
function clientUpdate(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('dismissals').set(key, { key, by: 'tester' });
  return Y.encodeStateAsUpdate(doc);
}

/** The dismissals a new client would receive (sync step 2 against an empty state vector). */
function greeting(relay: RelayDoc): string[] {
  // The message: sync (0), step 2 (1), then the update.
  const decoder = decoding.createDecoder(relay.syncStep2(Y.encodeStateVector(new Y.Doc())));
  expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 1]);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return [...doc.getMap('dismissals').keys()].sort();
}

/** Shared mode: a loaded document, its rows as read from PostgreSQL; nothing flushes by itself. */
function sharedDoc(stored: string[]): RelayDoc {
  const updates = stored.map(clientUpdate);
  return new RelayDoc('room', 'board', { preloaded: { updates, lastSeq: updates.length, logCount: updates.length } }, () => {}, 500, () => {}, { schedule: () => {} });
}

/** The committed copy is made lazily (relayDoc.ts): whenever it is made, a new client is greeted with committed updates only. */
describe('RelayDoc in shared mode: what a joining client is greeted with', () => {
  it.each([
    { name: 'loaded, nothing changed here', stored: ['a', 'b'], steps: [], greeted: ['a', 'b'] },
    { name: 'a client update whose commit is in flight', stored: ['a'], steps: ['local c'], greeted: ['a'] },
    { name: 'that update once committed', stored: ['a'], steps: ['local c', 'commit'], greeted: ['a', 'c'] },
    { name: 'another instance’s update before any local one', stored: ['a'], steps: ['remote r', 'local c'], greeted: ['a', 'r'] },
    { name: 'another instance’s update while a local one is in flight', stored: ['a'], steps: ['local c', 'remote r'], greeted: ['a', 'r'] },
    { name: 'two local turns, the first committed', stored: [], steps: ['local c', 'commit', 'local d'], greeted: ['c'] },
    // The committed copy takes committed updates in batches (COMMITTED_BATCH): a greeting between batches still has them all.
    ...[1, 31, 32, 33, 70].map((n) => {
      const remote = Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, '0')}`);
      return { name: `${n} updates from another instance, then one local in flight`, stored: ['a'], steps: ['local x', 'commit', ...remote.map((k) => `remote ${k}`), 'local c'], greeted: ['a', ...remote, 'x'] };
    }),
  ])('$name', ({ stored, steps, greeted }) => {
    const relay = sharedDoc(stored);
    let inFlight: Uint8Array | null = null;
    for (const step of steps) {
      const [kind, key] = step.split(' ');
      if (kind === 'local') {
        relay.apply(clientUpdate(key!), 'client');
        inFlight = relay.takeTurn();
      } else if (kind === 'remote') relay.applyRemote(clientUpdate(key!));
      else relay.committedHere(inFlight!);
    }
    expect(greeting(relay)).toEqual(greeted);
    relay.destroy();
  });
});

/**
 * A refused update rebuilds the live document (rollBack): in shared mode from the committed copy,
 * what this turn accepted, and the updates whose commit is still out. Without the last, a hostile
 * client's refused update while an honest one's commit was in flight dropped that update from the
 * live document: later edits building on it waited in Yjs as pending and were refused as such.
 */
describe('RelayDoc in shared mode: a refused update while a commit is in flight', () => {
  it.each([
    { name: 'the update in flight stays in the live document', commitFirst: false },
    { name: 'and once committed, nothing is doubled or lost', commitFirst: true },
  ])('$name', ({ commitFirst }) => {
    const relay = sharedDoc(['a']);
    relay.apply(clientUpdate('c'), 'honest');
    const inFlight = relay.takeTurn()!;
    if (commitFirst) relay.committedHere(inFlight);
    // The write policy refuses the next client's update: rolled back, the document rebuilt.
    expect(() => relay.apply(clientUpdate('x'), 'hostile', () => 'legacy-votes')).toThrow();
    expect([...relay.ydoc.getMap('dismissals').keys()].sort()).toEqual(['a', 'c']);
    // An honest edit that builds on the update in flight (deletes its entry) applies.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(relay.ydoc));
    const before = Y.encodeStateVector(client);
    client.getMap('dismissals').delete('c');
    relay.apply(Y.encodeStateAsUpdate(client, before), 'honest');
    expect([...relay.ydoc.getMap('dismissals').keys()].sort()).toEqual(['a']);
    const second = relay.takeTurn()!;
    if (!commitFirst) relay.committedHere(inFlight);
    relay.committedHere(second);
    expect(greeting(relay)).toEqual(['a']);
    relay.destroy();
  });
});
