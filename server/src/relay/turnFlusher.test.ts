import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../store/roomStore.ts';
import { RelayDoc } from './relayDoc.ts';
import { TurnFlusher, type SlowTurn } from './turnFlusher.ts';

const stores: RoomStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

/** A dismissed finding: the smallest record the board's layout takes. */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('dismissals').set(text, { key: text, by: 'Ana' });
  return Y.encodeStateAsUpdate(doc);
}

describe('TurnFlusher', () => {
  it('stores every room edited in one turn in one transaction, then broadcasts each once', async () => {
    const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-flusher-')));
    stores.push(store);
    let transactions = 0;
    const inTransaction = store.inTransaction.bind(store);
    store.inTransaction = (fn) => {
      transactions++;
      return inTransaction(fn);
    };
    const flusher = new TurnFlusher(store);
    const rooms = ['roomA', 'roomB', 'roomC'].map((id) => store.createRoom(id).id);
    const broadcasts: string[] = [];
    const docs = rooms.map((id) => new RelayDoc(id, 'board', store, () => broadcasts.push(id), 1_000, undefined, flusher));

    docs.forEach((doc, i) => {
      doc.apply(edit(`first ${i}`), 'client');
      doc.apply(edit(`second ${i}`), 'client');
    });
    expect(broadcasts).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));

    expect(transactions).toBe(1);
    expect(broadcasts).toEqual(rooms);
    rooms.forEach((id, i) => {
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.mergeUpdates(store.loadDoc(id, 'board').updates));
      expect(Object.keys(stored.getMap('dismissals').toJSON()).sort()).toEqual([`first ${i}`, `second ${i}`]);
    });
  });

  it('writes a turn’s outboxes before compacting a document whose log came due, and reports slow turns', async () => {
    const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-flusher-')));
    stores.push(store);
    const order: string[] = [];
    const compact = store.compact.bind(store);
    store.compact = (...args) => {
      order.push('compact');
      compact(...args);
    };
    const slow: SlowTurn[] = [];
    const flusher = new TurnFlusher(store, { onSlowTurn: (turn) => slow.push(turn), slowTurnMs: 0 });
    const sink = { flushTurn: () => order.push('write') };
    const roomId = store.createRoom('compacting').id;
    const doc = new RelayDoc(roomId, 'board', store, () => flusher.flushAtTurnEnd(sink), 1, undefined, flusher);

    doc.apply(edit('due'), 'client');
    await new Promise((resolve) => setImmediate(resolve));

    expect(order).toEqual(['write', 'compact']);
    expect(store.loadDoc(roomId, 'board').logCount).toBe(0);
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ docs: 1, sinks: 1 });
    expect(slow[0]!.bytes).toBeGreaterThan(0);
  });
});
