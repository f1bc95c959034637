import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { VersionStore } from '../store/versionStore.ts';
import { waitForServer, type RestoreWait } from './restoreWait.ts';

const OPTIONS = { waitMs: 400, pollMs: 10, freshMs: 200 };
const LONG_AGO = 0;

type Server = (versions: VersionStore, requestId: number) => void;

/** What the running server does, a few polls into the tool's wait. */
const servers: { name: string; server: Server; expected: RestoreWait; madeHere: number }[] = [
  { name: 'claims and makes it', server: (v, id) => (v.claimRestore(id), v.finishRestore(id, null)), expected: { outcome: 'made-by-server' }, madeHere: 0 },
  { name: 'claims it and cannot make it', server: (v, id) => (v.claimRestore(id), v.finishRestore(id, 'Room r has no version 7.')), expected: { outcome: 'failed-on-server', error: 'Room r has no version 7.' }, madeHere: 0 },
  { name: 'claims it, then stops beating before finishing', server: (v, id) => (v.claimRestore(id), v.beat(1, LONG_AGO)), expected: { outcome: 'unconfirmed' }, madeHere: 0 },
  { name: 'claims it and keeps beating but never finishes', server: (v, id) => v.claimRestore(id), expected: { outcome: 'unconfirmed' }, madeHere: 0 },
  { name: 'stops beating before claiming it', server: (v) => v.beat(1, LONG_AGO), expected: { outcome: 'made-here' }, madeHere: 1 },
  { name: 'keeps beating and never claims it', server: () => undefined, expected: { outcome: 'queued' }, madeHere: 0 },
];

describe('waitForServer: the tool reports a restore only when it was made', () => {
  it.each(servers)('the server $name', async ({ server, expected, madeHere }) => {
    const versions = new VersionStore(new Database(':memory:'));
    versions.beat(1);
    const requestId = versions.requestRestore('r', 7);
    let made = 0;
    setTimeout(() => server(versions, requestId), 30);
    const keepBeating = setInterval(() => {
      if (versions.restoreOutcome(requestId).state !== 'made' && versions.serverIsRunning(OPTIONS.freshMs)) versions.beat(1);
    }, 20);
    try {
      expect(await waitForServer(versions, requestId, () => made++, OPTIONS)).toEqual(expected);
    } finally {
      clearInterval(keepBeating);
    }
    expect(made).toBe(madeHere);
    if (expected.outcome === 'made-here') expect(versions.restoreOutcome(requestId)).toEqual({ state: 'made' });
  });

  it('a store made before outcomes were kept gains the columns, and its claimed requests read as claimed', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE restore_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, version_id INTEGER NOT NULL, requested_at INTEGER NOT NULL, done_at INTEGER)');
    db.exec("INSERT INTO restore_requests (room_id, version_id, requested_at, done_at) VALUES ('r', 1, 1, 2), ('r', 2, 3, NULL)");
    const versions = new VersionStore(db);
    expect(versions.restoreOutcome(1)).toEqual({ state: 'claimed' });
    expect(versions.restoreOutcome(2)).toEqual({ state: 'waiting' });
    expect(versions.claimRestore(2)).toBe(true);
    versions.finishRestore(2, null);
    expect(versions.restoreOutcome(2)).toEqual({ state: 'made' });
    new VersionStore(db);
    expect(versions.restoreOutcome(2)).toEqual({ state: 'made' });
  });
});
