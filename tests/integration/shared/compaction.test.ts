import { describe, expect, it } from 'vitest';
import type { BoardDoc } from '@okr/shared/doc';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

const texts = (board: BoardDoc) => new Set(board.contextItems.list().map((item) => item.text));

/** Compaction every 20 rows, by whichever instance gets there, while one instance is frozen. */
describe('shared mode: compaction under a paused instance', () => {
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
});
