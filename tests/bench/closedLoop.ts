import { createHistogram } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LightClient } from './loadgen/lightClient.ts';
import { recordMs, summarise } from './loadgen/tally.ts';
import { scanMarkers } from './loadgen/wire.ts';
import { loadAverage } from './machine.ts';
import { cpuSeconds } from './procStats.ts';
import { baselineRoot, ServerUnderTest, tempDir, type ServerKind } from './servers.ts';
import { roundOrder, spread } from './stats.ts';

/**
 * `npx pnpm@10 --filter @okr/tests exec tsx bench/closedLoop.ts --servers ours,baseline,reference`:
 * server CPU per delivered edit with every turn alike. One room of `--clients` clients; one edit at
 * a time, from each client in turn, and the next only once every other client has received it,
 * so every server handles exactly one update per event-loop turn and writes it to every socket.
 *
 * Why: the open-loop scenarios batch more the more the server is starved (on a loaded machine one
 * round's server wrote 2 frames a second per client, the next round's 30), and CPU per delivered
 * message follows the batch size more than the code; per-round ratios cannot undo that. Here the
 * work per message is fixed, so the CPU each server spends on it compares across runs and loads.
 * Latency here is one delivery at a time (the p50 of send-to-receipt over every receiver), not the
 * scenarios' p99. Rounds are interleaved and each starts with the next server, as in the harness.
 */
const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: 'ours,reference' },
    clients: { type: 'string', default: '50' },
    edits: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    /** A prefix: each server's CPU profile of its last round's measured edits goes to <prefix>-<server>.cpuprofile (the profiler's own cost included). */
    profile: { type: 'string' },
  },
});
const servers = values.servers!.split(',') as ServerKind[];
const clientCount = Number(values.clients);
const edits = Number(values.edits);
const rounds = Number(values.rounds);
if (servers.includes('baseline')) baselineRoot();
const WARMUP_EDITS = 100;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

type Result = { cpuUsPerDelivery: number; p50Ms: number; p99Ms: number; seconds: number };

async function measure(kind: ServerKind, profileTo?: string): Promise<Result> {
  const server = await ServerUnderTest.start(kind, tempDir(`okr-closed-${kind}-`));
  const clients: LightClient[] = [];
  try {
    const [room] = await server.createRooms(1, 'closed');
    let waitingFor = -1;
    let missing = 0;
    let release: () => void = () => {};
    let latencies = createHistogram();
    const onReceived = (client: LightClient, message: Buffer) =>
      scanMarkers(message, (kind, sender, seq, t) => {
        if (kind !== 'E' || seq !== waitingFor || sender === client.id) return;
        recordMs(latencies, performance.now() - t);
        if (--missing === 0) release();
      });
    for (let i = 0; i < clientCount; i++) clients.push(new LightClient(i, 0, room!, server.dialect, onReceived));
    await Promise.all(clients.map((c) => c.connect(10_000)));
    const failed = clients.filter((c) => c.failure);
    if (failed.length > 0) throw new Error(`${failed.length} clients failed to join: ${failed[0]!.failure}`);
    const oneEdit = async (seq: number) => {
      waitingFor = seq;
      missing = clientCount - 1;
      const arrived = new Promise<void>((resolve) => (release = resolve));
      clients[seq % clientCount]!.edit(seq, performance.now());
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`edit ${seq}: ${missing} receivers still waiting after 10 s`)), 10_000).unref());
      await Promise.race([arrived, timeout]);
    };
    for (let seq = 0; seq < WARMUP_EDITS; seq++) await oneEdit(seq);
    latencies = createHistogram();
    if (profileTo) await server.startProfile();
    const cpuBefore = cpuSeconds(server.pid);
    const started = performance.now();
    for (let seq = WARMUP_EDITS; seq < WARMUP_EDITS + edits; seq++) await oneEdit(seq);
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    if (profileTo) await server.stopProfile(profileTo);
    const latency = summarise(latencies);
    return {
      cpuUsPerDelivery: Math.round((cpu * 1e6 * 100) / (edits * (clientCount - 1))) / 100,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}

log(`closed loop: ${servers.join(', ')}; ${clientCount} clients, ${edits} edits, ${rounds} rounds; load ${loadAverage()}`);
const results = new Map<ServerKind, Result[]>(servers.map((s) => [s, []]));
for (let round = 0; round < rounds; round++) {
  for (const kind of roundOrder(servers, round)) {
    const result = await measure(kind, values.profile && round === rounds - 1 ? `${values.profile}-${kind}.cpuprofile` : undefined);
    results.get(kind)!.push(result);
    log(`round ${round + 1} ${kind}: CPU ${result.cpuUsPerDelivery} µs per delivered edit, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.seconds} s); load ${loadAverage()}`);
  }
}
const [first, ...others] = servers;
for (const other of others) {
  const ratios = (pick: (r: Result) => number) => results.get(first!)!.map((r, i) => pick(r) / pick(results.get(other)![i]!));
  const cpu = ratios((r) => r.cpuUsPerDelivery);
  const p50 = ratios((r) => r.p50Ms);
  const show = (xs: number[]) => {
    const { median, min, max } = spread(xs);
    return `${median}× (${min}–${max})`;
  };
  log(`${first} ÷ ${other}, per round: CPU per delivered edit ${show(cpu)}, delivery p50 ${show(p50)}`);
}
for (const [kind, rs] of results) log(`${kind}: median CPU ${spread(rs.map((r) => r.cpuUsPerDelivery)).median} µs per delivered edit, median p50 ${spread(rs.map((r) => r.p50Ms)).median} ms`);
process.exit(0);
