import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RoomStore } from './roomStore.ts';
import { WalCheckpointer } from './walCheckpointer.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-checkpoint-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const until = async (done: () => boolean, ms = 10_000) => {
  const started = Date.now();
  while (!done() && Date.now() - started < ms) await new Promise((resolve) => setTimeout(resolve, 50));
  return done();
};

describe('WalCheckpointer', () => {
  it("moves the store's committed log into its database file off the event loop, and reading it back after a restart finds every row", async () => {
    const dir = tempDir();
    const store = RoomStore.open(dir);
    const file = RoomStore.file(dir);
    const room = store.createRoom('Checkpoints');
    const before = fs.statSync(file).size;
    // 2 MB of log, far past what SQLite's own checkpoint would have taken on the committing thread.
    for (let i = 0; i < 500; i++) store.appendUpdates(room.id, 'board', [new Uint8Array(4096).fill(i % 256)]);
    expect(await until(() => fs.statSync(file).size > before + 2_000_000)).toBe(true);
    store.close();
    const reopened = RoomStore.open(dir);
    cleanups.push(() => reopened.close());
    expect(reopened.loadDoc(room.id, 'board').updates).toHaveLength(500);
  });

  it('keeps the log bounded while commits keep coming: the store finishes what the worker checkpointed, so the log starts over', async () => {
    const dir = tempDir();
    const store = RoomStore.open(dir);
    const room = store.createRoom('Busy');
    const data = new Uint8Array(2048).fill(7);
    let commits = 0;
    const started = Date.now();
    // Commits every few milliseconds for three of the worker's seconds: it never finds the log idle.
    while (Date.now() - started < 3_500) {
      for (let i = 0; i < 5; i++, commits++) store.appendUpdates(room.id, 'board', [data]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Frames in the log since it last started over (each commit writes at least two): never started over, it would hold them all.
    const reader = new Database(RoomStore.file(dir));
    const [{ log }] = reader.pragma('wal_checkpoint(PASSIVE)') as [{ log: number }];
    reader.close();
    expect(log, `frames in the log after ${commits} commits`).toBeLessThan(commits);
    store.close();
    const reopened = RoomStore.open(dir);
    cleanups.push(() => reopened.close());
    expect(reopened.loadDoc(room.id, 'board').updates).toHaveLength(commits);
  });

  it.each([
    { name: 'a database file that is not there', make: (dir: string) => path.join(dir, 'missing.sqlite') },
    {
      name: 'a file that is not a database',
      make: (dir: string) => {
        const file = path.join(dir, 'not.sqlite');
        fs.writeFileSync(file, 'plain text, not SQLite '.repeat(200));
        return file;
      },
    },
  ])('reports a worker that cannot checkpoint ($name), so the store can take checkpoints back', async ({ make }) => {
    const reasons: string[] = [];
    const checkpointer = new WalCheckpointer(make(tempDir()), (reason) => reasons.push(reason), 20);
    cleanups.push(() => checkpointer.stop());
    expect(await until(() => reasons.length > 0)).toBe(true);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/\w/);
  });

  it('stops without reporting a failure', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    cleanups.push(() => db.close());
    const reasons: string[] = [];
    const checkpointer = new WalCheckpointer(file, (reason) => reasons.push(reason), 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    checkpointer.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reasons).toEqual([]);
  });
});
