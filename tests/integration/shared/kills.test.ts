import { describe, expect, it } from 'vitest';
import type { BoardDoc } from '@okr/shared/doc';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { Prng } from '../../helpers/prng.ts';
import { stopServer } from '../../helpers/server.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

/** The 30 seeded kills during a 20-client storm; SHARED_KILLS and SHARED_CLIENTS change them for a quick try. */
const KILLS = Number(process.env.SHARED_KILLS ?? 30);
const CLIENTS = Number(process.env.SHARED_CLIENTS ?? 20);
const SEED = Number(process.env.SHARED_SEED ?? 1212);

const texts = (board: BoardDoc) => new Set(board.contextItems.list().map((item) => item.text));

/**
 * Instances SIGKILLed one after another while every client keeps editing through the balancer.
 * The promise checked: an update any client received from the server is in PostgreSQL (checked
 * at each kill, before the orphaned clients can resend anything), and everyone converges.
 */
describe('shared mode: instances killed during an edit storm', () => {
  const fixture = useSharedCluster(3);
  const clients: TestClient[] = [];

  /** What each client holds that another client wrote: it can only have come from a server's broadcast. */
  const received = () => {
    const all = new Set<string>();
    clients.forEach((client, i) => {
      for (const text of texts(client.board)) if (!text.startsWith(`c${i}-`)) all.add(text);
    });
    return all;
  };

  it(`loses nothing any client received across ${KILLS} kills (seed ${SEED})`, async () => {
    const prng = new Prng(SEED);
    for (let i = 0; i < CLIENTS; i++) clients.push(fixture.track(openBoardClient(fixture.cluster.balancer.wsUrl, fixture.room.roomId)));
    await Promise.all(clients.map((c) => c.synced));
    let written = 0;
    const storm = setInterval(() => {
      const i = Math.floor(prng.next() * CLIENTS);
      clients[i]!.board.addContextItem({ kind: 'mission', text: `c${i}-${written++}` });
    }, 10);
    // The replacement of the last victim starts while the storm runs on: starting a server process
    // takes seconds on a busy machine, and waiting for it before the next pause made this test 2 minutes.
    let replacement: Promise<unknown> = Promise.resolve();
    try {
      for (let k = 0; k < KILLS; k++) {
        await Promise.all([replacement, new Promise((r) => setTimeout(r, 800 + prng.next() * 800))]);
        const live = fixture.cluster.instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
        const victim = live[Math.floor(prng.next() * live.length)]!;
        await fixture.cluster.kill(victim);
        const seen = received();
        const stored = texts(await fixture.cluster.storedBoard(fixture.room.roomId));
        expect([...seen].filter((t) => !stored.has(t)), `received but not stored after kill ${k + 1} (${victim.id})`).toEqual([]);
        replacement = fixture.cluster.addInstance();
      }
      await replacement;
    } finally {
      clearInterval(storm);
    }
    const everything = () => texts(clients[0]!.board).size;
    await expect.poll(() => clients.every((c) => texts(c.board).size === written), { timeout: 30_000, interval: 200 }).toBe(true);
    expect(everything()).toBe(written);
    await expect.poll(async () => texts(await fixture.cluster.storedBoard(fixture.room.roomId)).size, { timeout: 10_000 }).toBe(written);
    // 80 s at load average 2, 440 s at 20–24: each replacement instance's start is what grows with load.
  }, 60_000 + KILLS * 20_000);

  it('drains on SIGTERM: exits 0, its clients reconnect elsewhere and nothing is lost', async () => {
    const before = texts(clients[0]!.board).size;
    clients.forEach((client, i) => client.board.addContextItem({ kind: 'mission', text: `c${i}-before-sigterm` }));
    const live = fixture.cluster.instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
    const leaving = live[0]!;
    fixture.cluster.balancer.setBackends(live.slice(1).map((i) => i.port));
    expect(await stopServer(leaving, 'SIGTERM')).toBe(0);
    clients.forEach((client, i) => client.board.addContextItem({ kind: 'mission', text: `c${i}-after-sigterm` }));
    const total = before + 2 * CLIENTS;
    await expect.poll(() => clients.every((c) => texts(c.board).size === total), { timeout: 30_000, interval: 200 }).toBe(true);
    await expect.poll(async () => texts(await fixture.cluster.storedBoard(fixture.room.roomId)).size, { timeout: 10_000 }).toBe(total);
  }, 120_000);
});
