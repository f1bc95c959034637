import fs from 'node:fs';
import path from 'node:path';

/**
 * Takes shared mode's edit deliveries apart hop by hop (BENCHMARKS.md, shared mode). Reads a
 * directory written by a benchmark run under PIPELINE_TRACE=<dir>: each instance's steps
 * (`server/src/relay/shared/pipelineTrace.ts`, `<instance>.jsonl`) and the load generator's
 * deliveries (`deliveries-*.jsonl`), joined by the benchmark marker each edit carries.
 *
 *   cd tests && npx tsx bench/sharedTrace.ts /tmp/trace
 *
 * Hops of one delivery: accept (sent → the instance accepted it), queue (accepted → its commit
 * started: the turn, and a commit already in flight), commit (the statement), then for a receiver
 * on the same instance out (commit end → received); across instances bus (commit end → the other
 * instance got the message), order (bus → applied there: waiting for an earlier row, or a read of
 * the log) and out (applied → received).
 */

type Commit = { inst: string; doc: string; seq: number; at: number; cs: number; ce: number };
type Delivery = { room: string; sender: number; seq: number; receiver: number; instance: number; sent: number; received: number };
type Hops = { total: number; accept: number; queue: number; commit: number; bus?: number; order?: number; out: number; same: boolean; via?: string };

const HOPS = ['accept', 'queue', 'commit', 'bus', 'order', 'out'] as const;
const BUCKETS = [1, 2, 5, 10, 20, 50, 100, Infinity];

function readLines(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));

export function analyse(dir: string): string {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  // Instances are numbered as the harness starts them (bench-1 first): a delivery's `instance` is that index.
  const instanceFiles = files.filter((f) => !f.startsWith('deliveries-')).sort();
  const instances = instanceFiles.map((f) => path.basename(f, '.jsonl'));
  const commits = new Map<string, Commit>();
  const busAt = new Map<string, { t: number; outcome: string }>();
  const appliedAt = new Map<string, { t: number; via: string }>();
  const fills: { inst: string; why: string; ms: number; rows: number }[] = [];
  const outcomes = new Map<string, number>();
  instanceFiles.forEach((file, index) => {
    const inst = instances[index]!;
    for (const e of readLines(path.join(dir, file))) {
      const row = `${inst}|${String(e.room)}|${String(e.doc)}|${Number(e.seq)}`;
      if (e.k === 'commit') {
        for (const m of e.m as string[]) commits.set(`${String(e.room)}|${m}`, { inst, doc: String(e.doc), seq: Number(e.seq), at: Number(e.at), cs: Number(e.cs), ce: Number(e.ce) });
      } else if (e.k === 'bus') {
        if (!busAt.has(row)) busAt.set(row, { t: Number(e.t), outcome: String(e.outcome) });
        outcomes.set(String(e.outcome), (outcomes.get(String(e.outcome)) ?? 0) + 1);
      } else if (e.k === 'apply') {
        if (!appliedAt.has(row)) appliedAt.set(row, { t: Number(e.t), via: String(e.via) });
      } else if (e.k === 'fill') {
        fills.push({ inst, why: String(e.why), ms: Number(e.t1) - Number(e.t0), rows: Number(e.rows) });
      }
    }
  });

  // Deliveries of single-node runs (no instance traced their room) are left out.
  const tracedRooms = new Set([...commits.keys()].map((key) => key.slice(0, key.indexOf('|'))));
  const hops: Hops[] = [];
  let unmatched = 0;
  for (const file of files.filter((f) => f.startsWith('deliveries-'))) {
    for (const raw of readLines(path.join(dir, file))) {
      const d = raw as unknown as Delivery;
      const commit = commits.get(`${d.room}|${d.sender}:${d.seq}`);
      const receiverInst = instances[d.instance];
      if (!tracedRooms.has(d.room)) continue;
      if (!commit || !receiverInst) {
        unmatched++;
        continue;
      }
      const base = { total: d.received - d.sent, accept: commit.at - d.sent, queue: commit.cs - commit.at, commit: commit.ce - commit.cs };
      if (receiverInst === commit.inst) {
        hops.push({ ...base, out: d.received - commit.ce, same: true });
        continue;
      }
      const row = `${receiverInst}|${d.room}|${commit.doc}|${commit.seq}`;
      const applied = appliedAt.get(row);
      const bus = busAt.get(row);
      if (!applied) {
        unmatched++;
        continue;
      }
      hops.push({
        ...base,
        bus: bus ? bus.t - commit.ce : undefined,
        order: applied.t - (bus?.t ?? commit.ce),
        out: d.received - applied.t,
        same: false,
        via: applied.via,
      });
    }
  }

  const out: string[] = [];
  out.push(`${hops.length} edit deliveries matched (${unmatched} not), instances ${instances.join(', ')}`);
  const byTotal = [...hops].sort((a, b) => a.total - b.total);
  const p99 = quantile(byTotal.map((h) => h.total), 0.99);
  for (const [label, set] of [
    ['same instance', byTotal.filter((h) => h.same)],
    ['across instances', byTotal.filter((h) => !h.same)],
  ] as const) {
    const totals = set.map((h) => h.total);
    out.push(`${label}: ${set.length} deliveries, p50 ${ms(quantile(totals, 0.5))} p99 ${ms(quantile(totals, 0.99))} max ${ms(totals.at(-1) ?? NaN)} ms`);
  }
  const slowest = byTotal.filter((h) => h.total >= p99);
  out.push(`all: p99 ${ms(p99)} ms; the slowest 1 %: ${slowest.length} (${slowest.filter((h) => h.same).length} same instance, ${slowest.filter((h) => !h.same).length} across)`);

  out.push('', 'hop ms: p50 / p99 over all deliveries | over the slowest 1 %: p50 / max, and how many of them fall in each bucket');
  out.push(`buckets (ms): ${BUCKETS.map((b, i) => `${i === 0 ? 0 : BUCKETS[i - 1]}-${b === Infinity ? '' : b}`).join(' | ')}`);
  for (const hop of HOPS) {
    const all = byTotal.map((h) => h[hop]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    const slow = slowest.map((h) => h[hop]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    const buckets = BUCKETS.map((b, i) => slow.filter((v) => v < b && v >= (i === 0 ? -Infinity : BUCKETS[i - 1]!)).length);
    out.push(`${hop.padEnd(7)} ${ms(quantile(all, 0.5))} / ${ms(quantile(all, 0.99))} | ${ms(quantile(slow, 0.5))} / ${ms(slow.at(-1) ?? NaN)} | ${buckets.join(' ')}`);
  }
  const dominant = new Map<string, number>();
  for (const h of slowest) {
    const worst = HOPS.reduce((a, b) => ((h[b] ?? -Infinity) > (h[a] ?? -Infinity) ? b : a));
    dominant.set(worst, (dominant.get(worst) ?? 0) + 1);
  }
  out.push(`largest hop of each of the slowest 1 %: ${[...dominant].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const vias = (set: Hops[]) => {
    const counts = new Map<string, number>();
    for (const h of set) if (h.via) counts.set(h.via, (counts.get(h.via) ?? 0) + 1);
    return [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
  };
  out.push(`applied on the other instance via (all across): ${vias(byTotal)}; (slowest 1 %): ${vias(slowest)}`);
  out.push(`bus arrivals: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // Per row rather than per delivery: how long each row another instance committed waited on the receiving one.
  for (const via of ['bus', 'early', 'log']) {
    const waits = [...appliedAt]
      .filter(([, a]) => a.via === via)
      .map(([row, a]) => a.t - (busAt.get(row)?.t ?? a.t))
      .sort((a, b) => a - b);
    out.push(`rows applied via ${via}: ${waits.length}, bus arrival → applied p50 ${ms(quantile(waits, 0.5))} p99 ${ms(quantile(waits, 0.99))} max ${ms(waits.at(-1) ?? NaN)} ms`);
  }
  for (const why of ['gap', 'head']) {
    const f = fills.filter((x) => x.why === why).map((x) => x.ms).sort((a, b) => a - b);
    out.push(`log reads for a ${why}: ${f.length}, p50 ${ms(quantile(f, 0.5))} p99 ${ms(quantile(f, 0.99))} ms, rows read ${fills.filter((x) => x.why === why).reduce((s, x) => s + x.rows, 0)}`);
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: npx tsx bench/sharedTrace.ts <the PIPELINE_TRACE directory>');
  console.log(analyse(dir));
}
