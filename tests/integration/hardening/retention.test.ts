import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeState } from '@okr/shared/doc';
import { newBoard } from '../../../server/src/rooms/createRoom.ts';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/server.ts';
import { runOkr } from '../../helpers/cli.ts';
import { DAY_MS, PRUNE_CASES, PRUNE_DAYS, pruneOutcome } from '../../helpers/prunedRoom.ts';

// Rooms used to be kept for ever (19,639 rooms from one address in 30 s stayed on disk). With
// ROOM_RETENTION_DAYS the server deletes rooms nobody has edited for that long, and `okr prune`
// does the same on demand.

/** A data directory with one room last edited 40 days ago and one edited now. */
function seededDataDir(): { dataDir: string; oldId: string; freshId: string } {
  const dataDir = tempDataDir('okr-retention-');
  const store = RoomStore.open(dataDir);
  const oldId = store.createRoom('Spring offsite', undefined, Date.now() - 40 * DAY_MS).id;
  const freshId = store.createRoom('Q3 planning').id;
  store.close();
  return { dataDir, oldId, freshId };
}

function roomIds(dataDir: string): string[] {
  const store = RoomStore.open(dataDir);
  try {
    return store.listRooms().map((room) => room.id);
  } finally {
    store.close();
  }
}

const prune = (dataDir: string, args: string[], env: Record<string, string> = {}) => runOkr(['prune', ...args], dataDir, env);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('room retention', () => {
  it('okr prune --dry-run lists the rooms past the age and deletes nothing; okr prune deletes them, and only them', async () => {
    const { dataDir, oldId, freshId } = seededDataDir();
    const dry = await prune(dataDir, ['--days', '30', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(oldId);
    expect(dry.stdout).not.toContain(freshId);
    expect(dry.stdout).toContain('1 room would be deleted (dry run: nothing deleted).');
    expect(roomIds(dataDir).sort()).toEqual([oldId, freshId].sort());

    const real = await prune(dataDir, ['--json'], { ROOM_RETENTION_DAYS: '30' });
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, days: 30, rooms: [{ id: oldId, title: 'Spring offsite' }] });
    expect(roomIds(dataDir)).toEqual([freshId]);
  }, 30_000);

  it('okr prune deletes a pruned room’s documents and History, as on PostgreSQL, and keeps all of a room within the age (helpers/prunedRoom.ts)', async () => {
    const dataDir = tempDataDir('okr-retention-');
    const store = RoomStore.open(dataDir);
    const roomIds: Record<string, string> = {};
    for (const { name, idleDays } of PRUNE_CASES) {
      const at = Date.now() - idleDays * DAY_MS;
      const board = newBoard(name);
      const { id } = store.createRoom(name, { board: encodeState(board.ydoc) }, at);
      // A snapshot (as compaction leaves), a log row after it, and a version of the board.
      store.compact(id, 'board', encodeState(board.ydoc), store.loadDoc(id, 'board').lastSeq);
      board.addCandidate({ id: 'cand-1', text: 'Grow the community' });
      store.appendUpdates(id, 'board', [encodeState(board.ydoc)], at);
      store.versions.add(id, { reason: 'step', step: 'context', board: encodeState(board.ydoc), cardIds: ['cand-1'], createdAt: at });
      roomIds[name] = id;
    }
    store.close();

    const pruned = await prune(dataDir, ['--days', String(PRUNE_DAYS)]);
    expect(pruned).toMatchObject({ code: 0, stderr: '' });
    const db = new Database(RoomStore.file(dataDir), { readonly: true });
    try {
      const { expected, actual } = await pruneOutcome('sqlite', roomIds, (sql, roomId) => db.prepare<[string], { n: number }>(sql).get(roomId)!.n);
      expect(actual).toEqual(expected);
    } finally {
      db.close();
    }
  }, 30_000);

  it('a store whose rooms were pruned before History went with them loses those versions when next opened, and only those', () => {
    const dataDir = tempDataDir('okr-retention-');
    const store = RoomStore.open(dataDir);
    const gone = store.createRoom('Pruned long ago').id;
    const kept = store.createRoom('Still here').id;
    for (const id of [gone, kept]) store.versions.add(id, { reason: 'step', step: 'context', board: encodeState(newBoard().ydoc), cardIds: [] });
    store.close();
    // As a prune before this release left it: the room's row gone, its versions kept, the store unmarked.
    const db = new Database(RoomStore.file(dataDir));
    db.prepare('DELETE FROM rooms WHERE id = ?').run(gone);
    db.pragma('user_version = 0');
    db.close();

    const reopened = RoomStore.open(dataDir);
    try {
      expect(reopened.versions.list(gone)).toEqual([]);
      expect(reopened.versions.list(kept)).toHaveLength(1);
    } finally {
      reopened.close();
    }
  });

  it('okr prune without --days or ROOM_RETENTION_DAYS refuses (exit 2) and deletes nothing', async () => {
    const { dataDir } = seededDataDir();
    const answer = await prune(dataDir, []);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toContain('--days N, or set ROOM_RETENTION_DAYS');
    expect(roomIds(dataDir)).toHaveLength(2);
  }, 30_000);

  it('ROOM_RETENTION_DAYS: the server deletes rooms untouched that long (their links answer 404) and keeps the rest', async () => {
    const { dataDir, oldId, freshId } = seededDataDir();
    server = await startTestServer({ dataDir, roomRetentionDays: 30 });
    expect((await fetch(`${server.httpUrl}/api/rooms/${oldId}`)).status).toBe(404);
    expect((await fetch(`${server.httpUrl}/api/rooms/${freshId}`)).status).toBe(200);
    expect(server.store.listRooms().map((room) => room.id)).toEqual([freshId]);
  });

  it('without ROOM_RETENTION_DAYS the server keeps every room', async () => {
    const { dataDir, oldId } = seededDataDir();
    server = await startTestServer({ dataDir });
    expect((await fetch(`${server.httpUrl}/api/rooms/${oldId}`)).status).toBe(200);
  });
});
