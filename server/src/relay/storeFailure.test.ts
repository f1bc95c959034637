import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../store/roomStore.ts';
import { RelayDoc } from './relayDoc.ts';
import { TurnFlusher } from './turnFlusher.ts';

/*
 * The store failing (disk full, I/O error) must never leave an accepted update in a room's memory
 * that no later write stores: it would be served to joiners and lost at the next restart.
 */

const stores: RoomStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function openStore(): RoomStore {
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-store-failure-')));
  stores.push(store);
  return store;
}

/** Makes the store's `nth` append from now (1-based) throw, once. */
function failAppend(store: RoomStore, nth: number): void {
  const append = store.appendUpdates.bind(store);
  let calls = 0;
  store.appendUpdates = (...args) => {
    calls++;
    if (calls === nth) throw new Error('SQLITE_FULL: database or disk is full');
    return append(...args);
  };
}

/** A dismissed finding: the smallest record the board's layout takes. */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('dismissals').set(text, { key: text, by: 'Ana' });
  return Y.encodeStateAsUpdate(doc);
}

function storedKeys(store: RoomStore, roomId: string): string[] {
  const stored = new Y.Doc();
  const { updates } = store.loadDoc(roomId, 'board');
  if (updates.length > 0) Y.applyUpdate(stored, Y.mergeUpdates(updates));
  return Object.keys(stored.getMap('dismissals').toJSON()).sort();
}

const turnEnd = () => new Promise((resolve) => setImmediate(resolve));

describe('a store that fails', () => {
  it('a document’s own flush throws, sends nothing, and its next flush stores and sends what the failed one held', () => {
    const store = openStore();
    const roomId = store.createRoom('own-flush').id;
    const sent: Uint8Array[] = [];
    const doc = new RelayDoc(roomId, 'board', store, (message) => sent.push(message), 1_000, undefined, { schedule: () => {} });

    doc.apply(edit('kept'), 'client');
    failAppend(store, 1);
    expect(() => doc.flush()).toThrow(/disk is full/);
    expect(sent).toEqual([]);
    expect(storedKeys(store, roomId)).toEqual([]);

    doc.apply(edit('later'), 'client');
    doc.flush();
    expect(storedKeys(store, roomId)).toEqual(['kept', 'later']);
    expect(sent).toHaveLength(1);
    expect(store.loadDoc(roomId, 'board').logCount).toBe(1);
  });

  it('a turn whose commit fails part-way stores and sends nothing for any room, and each room’s next turn stores all it accepted', async () => {
    const store = openStore();
    const failures: unknown[] = [];
    const flusher = new TurnFlusher(store, { onStoreFailed: (err) => failures.push(err) });
    const rooms = ['roomA', 'roomB', 'roomC'].map((id) => store.createRoom(id).id);
    const sent: string[] = [];
    const docs = rooms.map((id) => new RelayDoc(id, 'board', store, () => sent.push(id), 1_000, undefined, flusher));

    // The second room's append fails inside the turn's transaction, after the first room's row was written.
    failAppend(store, 2);
    docs.forEach((doc, i) => doc.apply(edit(`first ${i}`), 'client'));
    await turnEnd();
    expect(failures).toHaveLength(1);
    expect(sent).toEqual([]);
    rooms.forEach((id) => expect(storedKeys(store, id)).toEqual([]));

    docs.forEach((doc, i) => doc.apply(edit(`second ${i}`), 'client'));
    await turnEnd();
    expect(failures).toHaveLength(1);
    expect(sent).toEqual(rooms);
    rooms.forEach((id, i) => expect(storedKeys(store, id)).toEqual([`first ${i}`, `second ${i}`]));
  });

});
