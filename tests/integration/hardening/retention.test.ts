import { afterEach, describe, expect, it } from 'vitest';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { startTestServer, tempDataDir, type TestServer } from '../../helpers/server.ts';
import { runOkr } from '../../helpers/cli.ts';

// Rooms used to be kept for ever (19,639 rooms from one address in 30 s stayed on disk). With
// ROOM_RETENTION_DAYS the server deletes rooms nobody has edited for that long, and `okr prune`
// does the same on demand.

const DAY_MS = 24 * 60 * 60 * 1000;

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
