import { afterEach, describe, expect, it } from 'vitest';
import type { BoardDoc } from '@okr/shared/doc';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { createRoom } from '../../helpers/server.ts';
import { startSharedCluster, type SharedCluster } from '../../helpers/sharedCluster.ts';

const texts = (board: BoardDoc) => new Set(board.contextItems.list().map((item) => item.text));

/** Redis or PostgreSQL going away under two instances with a writer on each. */
describe('shared mode: an engine fails mid-storm', () => {
  let cluster: SharedCluster | undefined;
  let clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients) client.destroy();
    clients = [];
    await cluster?.stop();
    cluster = undefined;
  });

  /** Two writers, one per instance, adding an item every 20 ms each until stopped; returns how to stop and how many were written. */
  async function storm() {
    cluster = await startSharedCluster(2);
    const room = await createRoom(cluster.instances[0]!.httpUrl);
    clients = cluster.instances.map((instance) => openBoardClient(instance.wsUrl, room.roomId));
    await Promise.all(clients.map((c) => c.synced));
    let written = 0;
    const timer = setInterval(() => {
      clients.forEach((client, i) => client.board.addContextItem({ kind: 'mission', text: `w${i}-${written++}` }));
    }, 20);
    return {
      room,
      written: () => written,
      stop: () => clearInterval(timer),
      /** Items a client holds that the other wrote: they came through a server. */
      received: () => new Set(clients.flatMap((client, i) => [...texts(client.board)].filter((t) => !t.startsWith(`w${i}-`)))),
    };
  }

  it('keeps edits crossing instances while Redis is SIGKILLed, loses nothing, and goes on when it is back', async () => {
    const run = await storm();
    await new Promise((r) => setTimeout(r, 500));
    await cluster!.redis.kill();
    const [a, b] = clients as [TestClient, TestClient];
    const mark = `w0-after-redis-died`;
    a.board.addContextItem({ kind: 'mission', text: mark });
    // Only the head check can carry it now.
    await expect.poll(() => texts(b.board).has(mark), { timeout: 5_000 }).toBe(true);
    expect((await fetch(`${cluster!.instances[0]!.httpUrl}/readyz`)).status).toBe(503);
    await cluster!.redis.start();
    await expect.poll(async () => (await fetch(`${cluster!.instances[0]!.httpUrl}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    run.stop();
    const total = run.written() + 1;
    await expect.poll(() => clients.every((c) => texts(c.board).size === total), { timeout: 15_000 }).toBe(true);
    expect(texts(await cluster!.storedBoard(run.room.roomId)).size).toBe(total);
  }, 120_000);

  it('fails closed when PostgreSQL stops with -m immediate: nothing received is lost, and the room comes back', async () => {
    const run = await storm();
    const closeCodes: number[] = [];
    for (const client of clients) client.provider.on('connection-close', (event: CloseEvent | null) => event && closeCodes.push(event.code));
    await new Promise((r) => setTimeout(r, 500));
    await cluster!.postgres.stopImmediate();
    const receivedBefore = run.received();
    await expect.poll(async () => (await fetch(`${cluster!.instances[1]!.httpUrl}/readyz`)).status, { timeout: 5_000 }).toBe(503);
    // Failed closed: the rooms' sockets were closed with "try again later", and no instance died.
    await expect.poll(() => closeCodes.includes(1013), { timeout: 5_000 }).toBe(true);
    expect(cluster!.instances.every((i) => i.child.exitCode === null && i.child.signalCode === null)).toBe(true);
    await cluster!.postgres.start();
    const stored = texts(await cluster!.storedBoard(run.room.roomId));
    expect([...receivedBefore].filter((t) => !stored.has(t)), 'received before the stop but not stored').toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    run.stop();
    const total = run.written();
    await expect.poll(() => clients.every((c) => texts(c.board).size === total), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => texts(await cluster!.storedBoard(run.room.roomId)).size, { timeout: 10_000 }).toBe(total);
  }, 120_000);
});
