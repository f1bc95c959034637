import { afterAll, describe, expect, it } from 'vitest';
import { createRoom, killHard, spawnServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { scrapeMetrics, untilMetrics } from '../../helpers/metrics.ts';
import { liveMemory, residentBytes } from '../../helpers/processStats.ts';

// Rooms are opened, edited and left, again and again: each unloads after ROOM_IDLE_MS, and the
// server's memory after each cycle, measured right after forced full garbage collections, shows
// no upward trend instead of growing with every room ever opened. A fixed number of cycles, so a
// busy machine does the same work as a quiet one; the long soak is the benchmark's (scenario 6,
// `npx pnpm@10 bench`), or `SOAK_SECONDS=180` here for a run of that length.

const CYCLES = 30;
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 0);
const ROOMS_PER_CYCLE = 4;
const CLIENTS_PER_ROOM = 3;
const EDITS_PER_CLIENT = 40;
const WARM_UP_CYCLES = 5;
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
  it(`rooms opened, edited and closed ${SOAK_SECONDS > 0 ? `for ${SOAK_SECONDS} s` : `${CYCLES} times`}: all unload and memory returns to its baseline`, async () => {
    process.setMaxListeners(100);
    // Every client comes from this one address: lift the per-address connection rate for the soak.
    const server = await spawnServer(tempDataDir(), { ROOM_IDLE_MS: '100', MAX_CONNECTIONS_PER_IP_PER_MINUTE: '1000000', MAX_ROOMS_CREATED_PER_IP_PER_HOUR: '1000000' }, 0, { probe: true });
    cleanup.push(() => killHard(server));
    const pid = server.child.pid!;

    const samples: { rss: number; heap: number }[] = [];
    const started = Date.now();
    let n = 0;
    while (n < CYCLES || Date.now() - started < SOAK_SECONDS * 1000) {
      await cycle(server, n++);
      const live = await liveMemory(server);
      samples.push({ rss: residentBytes(pid), heap: live.heapUsed });
    }
    const metrics = await scrapeMetrics(server.httpUrl);
    expect(metrics.value('okr_rooms_loaded')).toBe(0);
    expect(metrics.value('okr_connections')).toBe(0);
    expect(metrics.value('process_resident_memory_bytes')).toBeGreaterThan(0);

    // Each sample follows full collections, so it is the live size, not wherever V8's collector
    // happened to be. A leak is a slope: the line fitted through every sample after the warm-up
    // (code compiled, pools and caches at their working size) says how much the run kept.
    const measured = samples.slice(WARM_UP_CYCLES);
    const [rss0, rss1] = trendEnds(measured.map((x) => x.rss));
    const [heap0, heap1] = trendEnds(measured.map((x) => x.heap));
    const rooms = n * ROOMS_PER_CYCLE;
    console.info(
      `soak: ${n} cycles, ${rooms} rooms, ${rooms * CLIENTS_PER_ROOM} connections, ${rooms * CLIENTS_PER_ROOM * EDITS_PER_CLIENT} edits in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `RSS trend ${(rss0 / MB).toFixed(1)} MB -> ${(rss1 / MB).toFixed(1)} MB (peak ${(Math.max(...samples.map((x) => x.rss)) / MB).toFixed(1)} MB); ` +
        `live heap trend ${(heap0 / MB).toFixed(1)} MB -> ${(heap1 / MB).toFixed(1)} MB\n` +
        `  RSS/heap MB after collection, along the way: ${samples
          .filter((_, i) => i % Math.max(1, Math.floor(samples.length / 12)) === 0)
          .map((x) => `${(x.rss / MB).toFixed(0)}/${(x.heap / MB).toFixed(1)}`)
          .join(' ')}`,
    );
    // Each cycle loads about 1 MB of documents; keeping the rooms (or their connections) would
    // raise the trend by that much per cycle.
    expect(rss1 - rss0).toBeLessThan(30 * MB);
    expect(heap1 - heap0).toBeLessThan(16 * MB);
  // Fixed work takes longer on a busy machine: 30 cycles took 26 s alone and up to 107 s beside other runs.
  }, Math.max(300_000, SOAK_SECONDS * 1000 + 60_000));
});

/** The least-squares line through `values` (one per cycle), read at the first and the last cycle. */
function trendEnds(values: number[]): [number, number] {
  const count = values.length;
  const meanX = (count - 1) / 2;
  const meanY = values.reduce((sum, y) => sum + y, 0) / count;
  let covariance = 0;
  let variance = 0;
  values.forEach((y, x) => {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  });
  const slope = variance === 0 ? 0 : covariance / variance;
  return [meanY - slope * meanX, meanY + slope * (count - 1 - meanX)];
}
