import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomStore } from './roomStore.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-roomstore-'));
  dirs.push(dir);
  return dir;
};
const row = (n: number) => Uint8Array.of(n);
const bytesOf = (updates: Uint8Array[]) => updates.map((u) => u[0]);
const SECOND = 1_000;

describe('RoomStore: a room’s last activity is written at most once per 10 s, and read back exact', () => {
  it.each([
    { name: 'appends within 10 s: the first is written at once, the newest before any read', appendsAt: [0, 1, 5], written: 0, read: 5 },
    { name: 'an append 10 s after the last write is written at once', appendsAt: [0, 4, 10], written: 10, read: 10 },
    { name: 'a clock that went back writes at once', appendsAt: [5, 2], written: 2, read: 2 },
  ])('$name', ({ appendsAt, written, read }) => {
    const dir = tempDir();
    const store = RoomStore.open(dir);
    const start = 1_000_000;
    const room = store.createRoom('Activity', undefined, start - 60 * SECOND);
    for (const at of appendsAt) store.appendUpdates(room.id, 'board', [row(at)], start + at * SECOND);
    // What another process (the okr command) sees before this one reads.
    const onDisk = new Database(RoomStore.file(dir), { readonly: true });
    const stored = onDisk.prepare<[string], { t: number }>('SELECT last_activity AS t FROM rooms WHERE id = ?').get(room.id)!.t;
    onDisk.close();
    expect(stored).toBe(start + written * SECOND);
    expect(store.getRoom(room.id)?.lastActivity).toBe(start + read * SECOND);
    expect(store.listRooms()[0]?.lastActivity).toBe(start + read * SECOND);
    store.close();
  });

  it('the waiting time is written at close, so a restart reads it', () => {
    const dir = tempDir();
    const store = RoomStore.open(dir);
    const room = store.createRoom('Restart', undefined, 0);
    store.appendUpdates(room.id, 'board', [row(1)], 100 * SECOND);
    store.appendUpdates(room.id, 'board', [row(2)], 103 * SECOND);
    store.close();
    const reopened = RoomStore.open(dir);
    expect(reopened.getRoom(room.id)?.lastActivity).toBe(103 * SECOND);
    expect(reopened.roomsIdleSince(103 * SECOND)).toEqual([]);
    expect(reopened.roomsIdleSince(103 * SECOND + 1).map((r) => r.id)).toEqual([room.id]);
    reopened.close();
  });
});

describe('RoomStore: the update log’s sequence', () => {
  it('a store made with AUTOINCREMENT is rebuilt without it, its rows and their order kept, and appends carry on after them', () => {
    const dir = tempDir();
    const store = RoomStore.open(dir);
    const room = store.createRoom('Old log', undefined, 0);
    store.close();
    // The log as stores made before this change held it.
    const old = new Database(RoomStore.file(dir));
    old.exec(`
      DROP TABLE doc_updates;
      CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX doc_updates_by_doc ON doc_updates (room_id, doc, seq);
    `);
    const insert = old.prepare('INSERT INTO doc_updates (seq, room_id, doc, data) VALUES (?, ?, ?, ?)');
    for (const [seq, value] of [[3, 1], [7, 2], [40, 3]] as const) insert.run(seq, room.id, 'board', Buffer.from([value]));
    old.close();

    const reopened = RoomStore.open(dir);
    const schema = new Database(RoomStore.file(dir), { readonly: true });
    const sql = schema.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").get()!.sql;
    const index = schema.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE name = 'doc_updates_by_doc'").get();
    schema.close();
    expect(sql).not.toContain('AUTOINCREMENT');
    expect(index?.name).toBe('doc_updates_by_doc');
    expect(reopened.loadDoc(room.id, 'board')).toMatchObject({ lastSeq: 40, logCount: 3 });
    expect(reopened.appendUpdates(room.id, 'board', [row(4)])).toBe(41);
    expect(bytesOf(reopened.loadDoc(room.id, 'board').updates)).toEqual([1, 2, 3, 4]);
    reopened.close();
  });

  it('after a compaction dropped the newest rows, a document’s later rows still read back in the order appended', () => {
    const store = RoomStore.open(tempDir());
    const a = store.createRoom('A', undefined, 0);
    const b = store.createRoom('B', undefined, 0);
    store.appendUpdates(b.id, 'board', [row(1)]);
    const last = store.appendUpdates(a.id, 'board', [row(1), row(2)]);
    store.compact(a.id, 'board', row(9), last);
    // The sequence may now start again below what A's compaction dropped: A's rows still come after its snapshot, in order.
    store.appendUpdates(a.id, 'board', [row(3)]);
    store.appendUpdates(b.id, 'board', [row(2)]);
    store.appendUpdates(a.id, 'board', [row(4)]);
    expect(bytesOf(store.loadDoc(a.id, 'board').updates)).toEqual([9, 3, 4]);
    expect(bytesOf(store.loadDoc(b.id, 'board').updates)).toEqual([1, 2]);
    store.close();
  });
});
