import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '@okr/shared/doc';
import { PgDocLog } from '../../../server/src/store/postgres/pgDocLog.ts';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { createRoom } from '../../helpers/server.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

const texts = (board: BoardDoc) => new Set(board.contextItems.list().map((item) => item.text));

/** Compaction every 20 rows, by whichever instance gets there, while one instance is frozen; and of a long log as it is loaded. */
describe('shared mode: compaction', () => {
  const fixture = useSharedCluster(3, { COMPACT_AFTER_UPDATES: '20' });
  const clients: TestClient[] = [];

  it('stores exactly the union of accepted updates after a SIGSTOP of 5 s and a SIGCONT', async () => {
    for (let i = 0; i < 6; i++) clients.push(fixture.track(openBoardClient(fixture.cluster.balancer.wsUrl, fixture.room.roomId)));
    await Promise.all(clients.map((c) => c.synced));
    let written = 0;
    const storm = setInterval(() => {
      const i = written % clients.length;
      clients[i]!.board.addContextItem({ kind: 'mission', text: `c${i}-${written++}` });
    }, 15);
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      const paused = fixture.cluster.instances[1]!;
      paused.child.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 5_000));
      paused.child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      clearInterval(storm);
    }
    await expect.poll(() => clients.every((c) => texts(c.board).size === written), { timeout: 30_000, interval: 200 }).toBe(true);
    await expect.poll(async () => [...texts(await fixture.cluster.storedBoard(fixture.room.roomId))].sort(), { timeout: 10_000 }).toEqual([...texts(clients[0]!.board)].sort());
    const [snapshot] = await fixture.cluster.postgres.query<{ seq: string }>("SELECT seq FROM doc_snapshots WHERE room_id = $1 AND doc = 'board'", [fixture.room.roomId]);
    expect(Number(snapshot?.seq)).toBeGreaterThan(20);
  }, 120_000);

  it('compacts a long log that an instance loads, with nobody editing, so the next load reads a snapshot', async () => {
    const room = await createRoom(fixture.cluster.instances[0]!.httpUrl, 'Long log');
    // 30 rows (compaction is due at 20), appended straight to PostgreSQL: a room whose compactions kept failing.
    const writer = new Y.Doc();
    const rows: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => rows.push(update));
    const board = new BoardDoc(writer);
    for (let i = 0; i < 30; i++) board.addContextItem({ kind: 'mission', text: `row ${i}` });
    const pool = new pg.Pool({ connectionString: fixture.cluster.postgres.url, max: 1 });
    const head = async () => Number((await fixture.cluster.postgres.query<{ seq: string }>("SELECT seq FROM doc_heads WHERE room_id = $1 AND doc = 'board'", [room.roomId]))[0]?.seq);
    try {
      const log = new PgDocLog(pool, 10_000);
      for (const update of rows) await log.appendTurn([{ roomId: room.roomId, doc: 'board', update }]);
    } finally {
      await pool.end();
    }
    const stored = await head();

    const reader = fixture.track(openBoardClient(fixture.cluster.balancer.wsUrl, room.roomId));
    await reader.synced;
    await expect.poll(() => texts(reader.board).size, { timeout: 10_000 }).toBe(30);
    const logRows = async () => (await fixture.cluster.postgres.query<{ n: number }>("SELECT count(*)::int AS n FROM doc_log WHERE room_id = $1 AND doc = 'board'", [room.roomId]))[0]?.n;
    await expect.poll(logRows, { timeout: 15_000, interval: 200 }).toBe(0);
    const [snapshot] = await fixture.cluster.postgres.query<{ seq: string }>("SELECT seq FROM doc_snapshots WHERE room_id = $1 AND doc = 'board'", [room.roomId]);
    expect(Number(snapshot?.seq)).toBe(stored);
    expect(await head()).toBe(stored);
    expect([...texts(await fixture.cluster.storedBoard(room.roomId))].sort()).toEqual([...texts(reader.board)].sort());
  }, 60_000);
});
