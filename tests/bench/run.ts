import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FULL, SCENARIOS, TINY, type ScenarioId } from './config.ts';
import { profileOurs, runBench, type ProfiledRun, type ProfiledScenario } from './harness.ts';
import { loadAverage, machine, versions } from './machine.ts';
import { writeReport, type BenchDocument } from './report.ts';
import { baselineRoot, BENCH_DIR, OPTIONAL_KINDS, OUR_BENCH_ENV, pinning, REPO_ROOT, SERVER_KINDS, type ServerKind } from './servers.ts';
import { baselineComparison, checkTargets, type TargetId } from './targets.ts';

/**
 * `npx pnpm@10 bench`: every scenario against every server, then BENCHMARKS.md and latest.json.
 * Options: --scale full|tiny, --servers ours,reference,…, --scenarios oneRoom,storm,…, --runs N, --writers 50,100 (scenario 3's counts),
 * --repeats N (disturbed runs that may be repeated in all; default 20, 0 on a machine that never quietens),
 * --no-profile (skip profiling misses), --profile oneRoom,writers,cursors,… (profile our server on these whatever the verdicts;
 * writers at its largest count; with shared among the servers, oneRoom and manyRooms also profile every shared instance), --report-only (rewrite BENCHMARKS.md from latest.json). Only a full run of everything rewrites BENCHMARKS.md and
 * tests/bench/latest.json; every run writes tests/bench/results/<time>.json.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    scale: { type: 'string', default: 'full' },
    servers: { type: 'string', default: SERVER_KINDS.join(',') },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    runs: { type: 'string' },
    writers: { type: 'string' },
    repeats: { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
    profile: { type: 'string', default: '' },
    'report-only': { type: 'boolean', default: false },
  },
});

// --report-only: rewrite BENCHMARKS.md from tests/bench/latest.json (after editing the hand-written text or the report code).
if (values['report-only']) {
  writeReport(path.join(REPO_ROOT, 'BENCHMARKS.md'), JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'latest.json'), 'utf8')) as BenchDocument);
  console.log('rewrote BENCHMARKS.md from tests/bench/latest.json');
  process.exit(0);
}

const base = values.scale === 'tiny' ? TINY : FULL;
const writerCounts = values.writers?.split(',').map(Number);
if (writerCounts?.some((n) => !(Number.isInteger(n) && n > 0))) throw new Error(`--writers takes writer counts, as 50,100, not ${values.writers}`);
const scale = { ...base, runs: values.runs ? Number(values.runs) : base.runs, writers: { ...base.writers, counts: writerCounts ?? base.writers.counts } };
const servers = values.servers!.split(',') as ServerKind[];
const scenarios = values.scenarios!.split(',') as ScenarioId[];
for (const s of servers) if (![...SERVER_KINDS, ...OPTIONAL_KINDS].includes(s)) throw new Error(`unknown server ${s}; use ${[...SERVER_KINDS, ...OPTIONAL_KINDS].join(', ')}`);
if (servers.includes('baseline')) baselineRoot();
for (const s of scenarios) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; use ${SCENARIOS.join(', ')}`);
const complete = scale.name === 'full' && !writerCounts && SERVER_KINDS.every((k) => servers.includes(k)) && scenarios.length === SCENARIOS.length;
const command = ['npx pnpm@10 bench', ...process.argv.slice(2).filter((a) => a !== '--')].join(' ');

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const startLoad = loadAverage();
if (Number(startLoad.split(' / ')[0]) > 1.5) log(`warning: load average ${startLoad}; other work on this machine will skew the numbers`);
const started = new Date();
log(`${command}: scale ${scale.name}, ${scale.runs} run(s), servers ${servers.join(', ')}, scenarios ${scenarios.join(', ')}; load ${startLoad}`);

const resultsDir = path.join(BENCH_DIR, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = started.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-');
const partialFile = path.join(resultsDir, `${stamp}-${scale.name}-partial.json`);
const repeatBudget = values.repeats === undefined ? undefined : Number(values.repeats);
if (repeatBudget !== undefined && !(Number.isInteger(repeatBudget) && repeatBudget >= 0)) throw new Error(`--repeats takes a whole number ≥ 0, not ${values.repeats}`);
const results = await runBench({ scale, servers, scenarios, log, repeatBudget, progress: (r) => fs.writeFileSync(partialFile, JSON.stringify(r, null, 2)) });
const targets = checkTargets(results, scale.writers.thresholdMs);

// A missed latency target gets one more run of that scenario on our server under the profiler.
const profiles: ProfiledRun[] = [];
if (!values['no-profile'] && servers.includes('ours')) {
  const missed = (id: TargetId) => targets.some((t) => t.id === id && t.holds === false);
  const largestWriters = Math.max(0, ...Object.keys(results.writers?.levels ?? {}).map(Number).filter((n) => results.writers!.levels[n]!.summary.ours));
  const asked = (id: ProfiledScenario) => values.profile!.split(',').includes(id);
  const wanted: [boolean, () => Promise<ProfiledRun>][] = [
    [asked('oneRoom') || missed('p99-oneRoom') || missed('ceiling-1.3x'), () => profileOurs('oneRoom', scale)],
    [asked('manyRooms') || missed('p99-manyRooms'), () => profileOurs('manyRooms', scale)],
    [asked('writers') || missed('p99-writers') || missed('writers-2x') || missed('cpu-per-message'), () => profileOurs('writers', scale, largestWriters || Math.max(...scale.writers.counts))],
    [asked('storm') || missed('p99-storm'), () => profileOurs('storm', scale)],
    [asked('cursors') || missed('cursor-p99') || missed('cursor-edit-cost'), () => profileOurs('cursors', scale)],
  ];
  await profileEach(wanted);
}
// Shared mode, asked for only (--servers …,shared --profile oneRoom,manyRooms): every instance profiled over one more round.
if (servers.includes('shared')) {
  const asked = (id: ProfiledScenario) => values.profile!.split(',').includes(id);
  await profileEach((['oneRoom', 'manyRooms'] as const).map((id) => [asked(id), () => profileOurs(id, scale, 0, 'shared')]));
}

async function profileEach(wanted: [boolean, () => Promise<ProfiledRun>][]): Promise<void> {
  for (const [miss, run] of wanted) {
    if (!miss) continue;
    try {
      const profiled = await run();
      for (const [i, profile] of (profiled.instances ?? [profiled.profile]).entries()) {
        const which = profiled.instances ? ` instance ${i + 1}` : '';
        log(`  profiled ${profiled.scenario}${which}: busy ${profile?.busyMs} ms, idle ${profile?.idlePercent}%, gc ${profile?.gcPercent}%, probe left out ${profile?.probeMs} ms`);
        for (const f of profile?.top ?? []) log(`    self ${f.selfPercent}% total ${f.totalPercent}%  ${f.frame}`);
        for (const f of profile?.ours ?? []) log(`    ours total ${f.totalPercent}%  ${f.frame}`);
      }
      profiles.push(profiled);
    } catch (err) {
      log(`  profiling failed: ${(err as Error).message}`);
    }
  }
}

const finished = new Date();
const doc: BenchDocument = {
  command,
  scale,
  startedAt: started.toISOString().replace(/\.\d+Z$/, 'Z'),
  finishedAt: finished.toISOString().replace(/\.\d+Z$/, 'Z'),
  minutes: Math.round((finished.getTime() - started.getTime()) / 6000) / 10,
  machine: machine(),
  loadAverage: { start: startLoad, end: loadAverage() },
  versions: versions(),
  pinning: pinning().note,
  ourSettings: OUR_BENCH_ENV,
  servers,
  results,
  targets,
  profiles,
};

const rawFile = path.join(resultsDir, `${stamp}-${scale.name}.json`);
fs.writeFileSync(rawFile, JSON.stringify(doc, null, 2));
fs.rmSync(partialFile, { force: true });
log(`raw results: ${path.relative(REPO_ROOT, rawFile)}`);
if (complete) {
  fs.writeFileSync(path.join(BENCH_DIR, 'latest.json'), JSON.stringify(doc, null, 2) + '\n');
  writeReport(path.join(REPO_ROOT, 'BENCHMARKS.md'), doc);
  log('wrote tests/bench/latest.json and BENCHMARKS.md');
}
for (const t of targets) log(`target: ${t.target}: ${t.measured} (${t.ratio}) → ${t.holds === null ? 'not decided' : t.holds ? 'holds' : 'MISSED'}`);
for (const line of baselineComparison(results)) log(`ours ÷ baseline (${process.env.BENCH_BASELINE}): ${line}`);
for (const error of results.errors ?? []) log(`failed: ${error}`);
log(`done in ${doc.minutes} min; load average at the end ${doc.loadAverage.end}`);
process.exit(results.errors?.length ? 1 : 0);
