import { parseArgs } from 'node:util';
import { loadAverage } from './machine.ts';
import { measureClosedLoop, type ClosedLoopResult } from './closedLoopRun.ts';
import { baselineRoot, type ServerKind } from './servers.ts';
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
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

log(`closed loop: ${servers.join(', ')}; ${clientCount} clients, ${edits} edits, ${rounds} rounds; load ${loadAverage()}`);
const results = new Map<ServerKind, ClosedLoopResult[]>(servers.map((s) => [s, []]));
for (let round = 0; round < rounds; round++) {
  for (const kind of roundOrder(servers, round)) {
    const result = await measureClosedLoop(kind, { clients: clientCount, edits, profileTo: values.profile && round === rounds - 1 ? `${values.profile}-${kind}.cpuprofile` : undefined });
    results.get(kind)!.push(result);
    const byPart = result.cpuUsByPart ? ` (${Object.entries(result.cpuUsByPart).map(([part, us]) => `${part} ${us}`).join(', ')})` : '';
    log(`round ${round + 1} ${kind}: CPU ${result.cpuUsPerDelivery} µs per delivered edit${byPart}, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.seconds} s); load ${loadAverage()}`);
  }
}
const [first, ...others] = servers;
for (const other of others) {
  const ratios = (pick: (r: ClosedLoopResult) => number) => results.get(first!)!.map((r, i) => pick(r) / pick(results.get(other)![i]!));
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
