import { describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { BoardDoc, cardIds, encodeState } from '@okr/shared/doc';
import { runOkr } from '../../helpers/cli.ts';
import { createRoom, tempDataDir } from '../../helpers/server.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';
import { PgVersions } from '../../../server/src/store/postgres/pgVersions.ts';
import { SERVER_CLIENT_ID } from '../../../server/src/relay/serverClientId.ts';

/*
 * `okr restore` on DATABASE_URL writes under the server's reserved Yjs client id, as a single
 * server's restore does, so no participant can claim the restore's id; and two restores at once
 * under that one id keep its clocks gap-free and apart (Yjs drops a struct whose id it already
 * holds, so two restores numbered from the same clock would lose the second).
 */

const fixture = useSharedCluster(1);
const okr = (...args: string[]) => runOkr(args, tempDataDir('okr-restore-writer-'), { DATABASE_URL: fixture.cluster.postgres.url });

function boardWith(texts: string[]): Uint8Array {
  const board = new BoardDoc(new Y.Doc());
  for (const text of texts) board.addCandidate({ id: text, text });
  const state = encodeState(board.ydoc);
  board.ydoc.destroy();
  return state;
}

describe('okr restore on DATABASE_URL', () => {
  it('writes under the server id, and two restores at once append one after the other under it', async () => {
    const { postgres } = fixture.cluster;
    const room = await createRoom(fixture.cluster.instances[0]!.httpUrl, 'Two restores at once');
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    const holder = new pg.Client({ connectionString: postgres.url });
    await holder.connect();
    try {
      const versions = new PgVersions(pool);
      const add = async (texts: string[], createdAt: number) =>
        (await versions.add(room.roomId, { reason: 'step', step: 'draft', board: boardWith(texts), cardIds: texts, createdAt })).id!;
      const first = await add(['alpha-1', 'alpha-2', 'alpha-3'], Date.now() - 60_000);
      const second = await add(['beta-1', 'beta-2'], Date.now() - 30_000);
      const seqBefore = Number((await postgres.query<{ seq: string }>("SELECT seq FROM doc_heads WHERE room_id = $1 AND doc = 'board'", [room.roomId]))[0]!.seq);

      // Hold the board's head row (as a commit does) while both tools start, so they meet at it.
      await holder.query('BEGIN');
      await holder.query("SELECT seq FROM doc_heads WHERE room_id = $1 AND doc = 'board' FOR UPDATE", [room.roomId]);
      const restores = Promise.all([okr('restore', room.roomId, String(first)), okr('restore', room.roomId, String(second))]);
      const waiting = async () =>
        Number(
          (await postgres.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> $1",
            [(holder as unknown as { processID: number }).processID],
          ))[0]!.n,
        );
      await expect.poll(waiting, { timeout: 30_000, interval: 50, message: 'both restores wait for the head row' }).toBe(2);
      await holder.query('COMMIT');
      const results = await restores;
      for (const result of results) expect([result.code, result.stderr]).toEqual([0, '']);

      const rows = await postgres.query<{ seq: string; data: Buffer }>("SELECT seq, data FROM doc_log WHERE room_id = $1 AND doc = 'board' AND seq > $2 ORDER BY seq", [room.roomId, seqBefore]);
      expect(rows).toHaveLength(2);
      let clock = 0;
      for (const row of rows) {
        const meta = Y.parseUpdateMeta(new Uint8Array(row.data));
        expect([...meta.to.keys()]).toEqual([SERVER_CLIENT_ID]);
        // Each restore starts where the one before it ended under the server's id: no gap, no overlap.
        expect(meta.from.get(SERVER_CLIENT_ID)).toBe(clock);
        clock = meta.to.get(SERVER_CLIENT_ID)!;
      }
      const stored = await fixture.cluster.storedBoard(room.roomId);
      expect([['alpha-1', 'alpha-2', 'alpha-3'].join(), ['beta-1', 'beta-2'].join()]).toContain(cardIds(stored).sort().join());
      stored.ydoc.destroy();
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
      await pool.end();
    }
  }, 90_000);
});
