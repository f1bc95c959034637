import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { RelayDoc } from '../../../server/src/relay/relayDoc.ts';
import { UpdateRejectedError } from '../../../server/src/relay/updateCheck.ts';
import { craftUpdate } from '../../helpers/craftUpdate.ts';

let dir: string;
let store: RoomStore;
let broadcasts: Uint8Array[];
let relay: RelayDoc;
const turn = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-relaydoc-'));
  store = RoomStore.open(dir);
  broadcasts = [];
  relay = new RelayDoc('room', 'board', store, (m) => broadcasts.push(m), 1_000);
});
afterEach(() => {
  relay.destroy();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function updateOf(client: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  edit(doc);
  return Y.encodeStateAsUpdate(doc);
}

/** A dismissed finding, the smallest record the board's layout takes; the list of them is what the tests read. */
function dismiss(doc: Y.Doc, key: string): void {
  doc.getMap('dismissals').set(key, { key, by: 'Ana' });
}
const dismissed = (doc: Y.Doc) => Object.keys(doc.getMap('dismissals').toJSON()).sort();

function stored(): Y.Doc {
  const doc = new Y.Doc();
  const { updates } = store.loadDoc('room', 'board');
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

describe('RelayDoc.apply: only what integrates completely is kept, stored and broadcast', () => {
  it('stores and broadcasts an accepted update once, at the end of the turn', async () => {
    relay.apply(updateOf(1, (d) => dismiss(d, 'x')), 'origin');
    expect(store.loadDoc('room', 'board').updates).toHaveLength(0);
    await turn();
    expect(dismissed(stored())).toEqual(['x']);
    expect(broadcasts).toHaveLength(1);
  });

  it('refuses an update with missing dependencies and keeps nothing of it', async () => {
    const writer = new Y.Doc();
    writer.clientID = 2;
    writer.getArray('a').push(['first']);
    const before = Y.encodeStateVector(writer);
    writer.getArray('a').push(['second']);
    const second = Y.encodeStateAsUpdate(writer, before);
    expect(() => relay.apply(second, 'origin')).toThrow(UpdateRejectedError);
    expect(relay.ydoc.store.pendingStructs).toBeNull();
    await turn();
    expect(store.loadDoc('room', 'board').updates).toHaveLength(0);
    expect(broadcasts).toHaveLength(0);
  });

  it('drops what Yjs set aside as pending (a dependency cycle between two clients) and says so', async () => {
    // 7:0 builds on 8:0, which builds on 7:0: each client's first struct waits for the other's.
    const cycle = craftUpdate([
      { client: 8, items: [{ clock: 0, origin: [7, 0], content: { string: 'b' } }] },
      { client: 7, items: [{ clock: 0, origin: [8, 0], content: { string: 'a' } }] },
    ]);
    expect(() => relay.apply(cycle, 'origin')).toThrow(expect.objectContaining({ problem: 'left-pending' }));
    expect(relay.ydoc.store.pendingStructs).toBeNull();
    expect(Y.encodeStateAsUpdate(relay.ydoc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
    await turn();
    expect(store.loadDoc('room', 'board').updates).toHaveLength(0);
  });

  it('rolls back an update that throws half-way through integration, keeping this turn’s earlier updates', async () => {
    relay.apply(updateOf(3, (d) => dismiss(d, 'kept')), 'origin');
    // Anything that throws inside Yjs's transaction cleanup, after it emitted the partial update.
    relay.ydoc.on('update', () => {
      throw new Error('boom');
    });
    expect(() => relay.apply(updateOf(4, (d) => dismiss(d, 'half applied')), 'origin')).toThrow(
      expect.objectContaining({ problem: 'failed-to-integrate' }),
    );
    expect(dismissed(relay.ydoc)).toEqual(['kept']);
    await turn();
    expect(dismissed(stored())).toEqual(['kept']);
    expect(broadcasts).toHaveLength(1);
    // The rebuilt document keeps working.
    relay.apply(updateOf(5, (d) => dismiss(d, 'after')), 'origin');
    await turn();
    expect(dismissed(stored())).toEqual(['after', 'kept']);
  });

  it('rolls back an update that leaves the board outside its schema, keeping this turn’s earlier updates', async () => {
    relay.apply(updateOf(3, (d) => dismiss(d, 'kept')), 'origin');
    const outside = updateOf(4, (d) => {
      dismiss(d, 'smuggled along');
      d.getMap('candidates').set('c1', 'not a record');
    });
    expect(() => relay.apply(outside, 'origin')).toThrow(
      expect.objectContaining({ problem: 'out-of-schema', detail: 'candidates.c1: a record is a map of its fields (Y.Map)' }),
    );
    expect(dismissed(relay.ydoc)).toEqual(['kept']);
    expect(relay.ydoc.getMap('candidates').size).toBe(0);
    await turn();
    expect(dismissed(stored())).toEqual(['kept']);
    expect(broadcasts).toHaveLength(1);
    // The same client's next, valid edit applies: nothing of the refused one is remembered.
    relay.apply(updateOf(4, (d) => dismiss(d, 'after')), 'origin');
    await turn();
    expect(dismissed(stored())).toEqual(['after', 'kept']);
  });
});
