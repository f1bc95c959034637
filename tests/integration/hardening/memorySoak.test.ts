import { afterAll, describe, expect, it } from 'vitest';
import { createRoom, killHard, spawnServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { scrapeMetrics, untilMetrics } from '../../helpers/metrics.ts';
import { residentBytes } from '../../helpers/processStats.ts';

// Rooms are opened, edited and left, again and again: each unloads after ROOM_IDLE_MS, and the
// server's resident memory comes back to its baseline instead of growing with every room ever
// opened. Reduced here; the full run is `SOAK_SECONDS=180 npx vitest run --project integration
// tests/integration/hardening/memorySoak.test.ts` (docs/operations.md has its figures).

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 12);
const ROOMS_PER_CYCLE = 4;
const CLIENTS_PER_ROOM = 3;
const EDITS_PER_CLIENT = 40;
const WARM_UP_CYCLES = 3;
const MB = 1024 * 1024;

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function cycle(server: ServerProcess, n: number): Promise<void> {
  const rooms = await Promise.all(Array.from({ length: ROOMS_PER_CYCLE }, () => createRoom(server.httpUrl, `soak ${n}`)));
  const clients: TestClient[] = rooms.flatMap((room) => Array.from({ length: CLIENTS_PER_ROOM }, () => openBoardClient(server.wsUrl, room.roomId)));
  try {
    await Promise.all(clients.map((c) => c.synced));
    clients.forEach((c, i) => {
      c.provider.awareness.setLocalStateField('user', { name: `person ${i}`, color: '#336699' });
      for (let e = 0; e < EDITS_PER_CLIENT; e++) c.board.addCandidate({ text: `cycle ${n} client ${i} idea ${e} ${'·'.repeat(300)}` });
    });
    const perRoom = CLIENTS_PER_ROOM * EDITS_PER_CLIENT;
    await eventually(() => clients.every((c) => c.board.candidates.list().length === perRoom), `cycle ${n}: rooms converged`, 20_000);
  } finally {
    for (const c of clients) c.destroy();
  }
  await untilMetrics(server.httpUrl, (m) => m.value('okr_rooms_loaded') === 0, `cycle ${n}: every room unloaded`);
}

describe('memory', () => {
  it(`rooms opened, edited and closed for ${SOAK_SECONDS} s: all unload and resident memory returns to its baseline`, async () => {
    process.setMaxListeners(100);
    // Every client comes from this one address: lift the per-address connection rate for the soak.
    const server = await spawnServer(tempDataDir(), { ROOM_IDLE_MS: '100', MAX_CONNECTIONS_PER_IP_PER_MINUTE: '1000000' });
    cleanup.push(() => killHard(server));
    const pid = server.child.pid!;

    const samples: { rss: number; heap: number }[] = [];
    const started = Date.now();
    let n = 0;
    while (n < WARM_UP_CYCLES + 3 || Date.now() - started < SOAK_SECONDS * 1000) {
      await cycle(server, n++);
      const metrics = await scrapeMetrics(server.httpUrl);
      samples.push({ rss: residentBytes(pid), heap: metrics.value('nodejs_heap_size_used_bytes') });
    }
    const metrics = await scrapeMetrics(server.httpUrl);
    expect(metrics.value('okr_rooms_loaded')).toBe(0);
    expect(metrics.value('okr_connections')).toBe(0);
    expect(metrics.value('process_resident_memory_bytes')).toBeGreaterThan(0);

    // Memory is sampled after each cycle, at whatever point of V8's garbage collection it is: the
    // lowest sample of a stretch is the live size. A leak raises that floor from one stretch of the
    // run to the next; a healthy server's floor stays put once the heap has grown to its working size.
    const warmUp = Math.max(WARM_UP_CYCLES, Math.floor(samples.length * 0.3));
    const stretch = Math.max(3, Math.floor(samples.length * 0.3));
    const early = samples.slice(warmUp, warmUp + stretch);
    const late = samples.slice(-stretch);
    const floor = (xs: { rss: number; heap: number }[], key: 'rss' | 'heap') => Math.min(...xs.map((x) => x[key]));
    const [rss0, rss1, heap0, heap1] = [floor(early, 'rss'), floor(late, 'rss'), floor(early, 'heap'), floor(late, 'heap')];
    const rooms = n * ROOMS_PER_CYCLE;
    console.info(
      `soak: ${n} cycles, ${rooms} rooms, ${rooms * CLIENTS_PER_ROOM} connections, ${rooms * CLIENTS_PER_ROOM * EDITS_PER_CLIENT} edits in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `RSS floor ${(rss0 / MB).toFixed(1)} MB -> ${(rss1 / MB).toFixed(1)} MB (peak ${(Math.max(...samples.map((x) => x.rss)) / MB).toFixed(1)} MB); ` +
        `heap floor ${(heap0 / MB).toFixed(1)} MB -> ${(heap1 / MB).toFixed(1)} MB\n` +
        `  RSS/heap MB along the way: ${samples
          .filter((_, i) => i % Math.max(1, Math.floor(samples.length / 12)) === 0)
          .map((x) => `${(x.rss / MB).toFixed(0)}/${(x.heap / MB).toFixed(0)}`)
          .join(' ')}`,
    );
    // Each cycle loads about 1 MB of documents; keeping the rooms (or their connections) would
    // raise the floor by that much per cycle.
    expect(rss1 - rss0).toBeLessThan(30 * MB);
    expect(heap1 - heap0).toBeLessThan(16 * MB);
  }, Math.max(90_000, SOAK_SECONDS * 1000 + 60_000));
});
