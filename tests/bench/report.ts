import fs from 'node:fs';
import type { Scale } from './config.ts';
import type { BenchResults, ProfiledRun, Scenario } from './harness.ts';
import type { Machine } from './machine.ts';
import type { ProfileSummary } from './profile.ts';
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from './servers.ts';
import type { Spread } from './stats.ts';
import { MIN_ROUNDS, writersBelow, type TargetCheck } from './targets.ts';
import { renderShared } from './sharedReport.ts';

/** Everything one `npx pnpm@10 bench` run produced: what latest.json holds and BENCHMARKS.md shows. */
export type BenchDocument = {
  command: string;
  scale: Scale;
  startedAt: string;
  finishedAt: string;
  minutes: number;
  machine: Machine;
  loadAverage: { start: string; end: string };
  versions: Record<string, string>;
  pinning: string;
  ourSettings: Record<string, string>;
  servers: ServerKind[];
  results: BenchResults;
  targets: TargetCheck[];
  profiles: ProfiledRun[];
};

export const GENERATED_START = '<!-- bench:generated:start (tests/bench/report.ts writes everything up to the end marker) -->';
export const GENERATED_END = '<!-- bench:generated:end -->';

const num = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : String(n));
export const cell = (s: Spread | undefined) => (!s || !Number.isFinite(s.median) ? '–' : s.runs > 1 && s.min !== s.max ? `${s.median} (${s.min}–${s.max})` : `${s.median}`);
const med = (s: Spread | undefined) => num(s?.median);
const verdict = (holds: boolean | null) => (holds === null ? 'not decided' : holds ? '**holds**' : '**missed**');

export function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function kindsOf<R>(scenario: Scenario<R> | undefined): ServerKind[] {
  return SERVER_KINDS.filter((k) => scenario?.summary[k]);
}

function realtimeTable(scenario: Scenario<unknown>): string {
  const rows = kindsOf(scenario).map((k) => {
    const s = scenario.summary[k]!;
    const converged = (scenario.runs[k] as { converged: boolean }[]).every((r) => r.converged);
    return [
      SERVER_LABELS[k],
      cell(s['edits.latency.p50']),
      cell(s['edits.latency.p95']),
      cell(s['edits.latency.p99']),
      cell(s['presence.latency.p99']),
      cell(s['deliveredPerSecond']),
      `${med(s['edits.dropped'])} / ${med(s['presence.staleAtEnd'])}`,
      med(s['presence.coalesced']),
      cell(s['server.cpuPercent']),
      `${med(s['server.rssMb'])} (peak ${med(s['server.peakRssMb'])})`,
      `${med(s['server.eventLoop.p99'])}${k === 'ours' || k === 'shared' ? ` (/metrics ${med(s['server.metricsEventLoop.p99'])})` : ''}`,
      converged ? 'yes' : '**no**',
      `${med(s['generator.cpuPercent'])} / ${med(s['generator.sendLagP99Ms'])}`,
      med(s['server.outsideCpuPercent']),
    ];
  });
  return table(
    ['server', 'p50 ms', 'p95 ms', 'p99 ms', 'presence p99 ms', 'delivered/s', 'edits dropped / presence stale', 'presence coalesced', 'server CPU %', 'RSS MB', 'event-loop p99 ms', 'converged', 'generator CPU % / send lag p99 ms', 'other processes CPU %'],
    rows,
  );
}

function notes(scenario: { notes: string[] } | undefined): string {
  return scenario && scenario.notes.length ? `\nFailures: ${scenario.notes.join('; ')}\n` : '';
}

function profileBlock(title: string, p: ProfileSummary | null): string {
  if (!p) return `${title}: no profile was written.\n`;
  const top = table(['self %', 'total %', 'frame'], p.top.map((f) => [String(f.selfPercent), String(f.totalPercent), `\`${f.frame}\``]));
  const ours = p.ours.length ? `\n\nOur frames by total time:\n\n${table(['total %', 'self %', 'frame'], p.ours.map((f) => [String(f.totalPercent), String(f.selfPercent), `\`${f.frame}\``]))}` : '';
  // Profiles written before probeMs existed counted the probe's profiler stop as busy time.
  const probe = p.probeMs === undefined ? ' (the harness\'s own profiler stop counted as busy)' : `; the harness's profiler stop (${p.probeMs} ms) left out`;
  return `${title}: ${p.busyMs} ms busy, idle ${p.idlePercent}% of the profile, garbage collection ${p.gcPercent}% of busy time${probe}.\n\n${top}${ours}\n`;
}

export function renderGenerated(doc: BenchDocument): string {
  const { results: r, scale } = doc;
  const out: string[] = [];
  out.push(`Run ${doc.startedAt} to ${doc.finishedAt} (${doc.minutes} min) with \`${doc.command}\` (scale \`${scale.name}\`, ${scale.runs} runs per server: each cell is the median, with the lowest and highest run in brackets).\n`);
  out.push(
    table(
      ['machine', ''],
      [
        ['CPU', `${doc.machine.cpu}, ${doc.machine.cores} cores`],
        ['RAM', `${doc.machine.ramGb} GB`],
        ['Node', doc.machine.node],
        ['OS', doc.machine.os],
        ['load average (1 / 5 / 15 min)', `start ${doc.loadAverage.start}; end ${doc.loadAverage.end}`],
        ['pinning', doc.pinning],
      ],
    ),
  );
  out.push('\n' + table(['server', 'version'], [...SERVER_KINDS.filter((k) => doc.servers.includes(k)).map((k) => [SERVER_LABELS[k], doc.versions[k] ?? '']), ['load-generator clients', doc.versions.clients ?? '']]));
  out.push(`\nOur server ran with ${Object.entries(doc.ourSettings).map(([k, v]) => `\`${k}=${v}\``).join(', ')} (see "Settings" above).\n`);

  if (r.errors?.length) out.push(`**Scenarios that failed in this run:** ${r.errors.join('; ')}\n`);
  out.push('### Targets\n');
  out.push(
    `Each ratio is the median over rounds of ours ÷ the best peer *of the same round* (rounds interleave the servers, so a round's servers met the same machine), with the lowest and highest round in brackets; a verdict needs at least ${MIN_ROUNDS} rounds.\n`,
  );
  out.push(table(['target', 'measured', 'ratio', 'verdict'], doc.targets.map((t) => [t.target, t.measured, t.ratio, verdict(t.holds)])));

  if (r.oneRoom) {
    const o = scale.oneRoom;
    out.push(`\n### 1. One room, ${o.clients} clients, each ${o.editsPerSecond} edits/s and ${o.presencePerSecond} presence updates/s\n`);
    out.push(realtimeTable(r.oneRoom as Scenario<unknown>) + notes(r.oneRoom));
  }
  if (r.manyRooms) {
    const m = scale.manyRooms;
    out.push(`\n### 2. ${m.rooms} rooms × ${m.clientsPerRoom} clients, each ${m.editsPerSecond} edits/s and ${m.presencePerSecond} presence updates/s\n`);
    out.push(realtimeTable(r.manyRooms as Scenario<unknown>) + notes(r.manyRooms));
  }
  if (r.writers) {
    const w = scale.writers;
    const kinds = SERVER_KINDS.filter((k) => Object.values(r.writers!.levels).some((l) => l.summary[k]));
    out.push(`\n### 3. One room, growing number of writers (each ${w.editsPerSecond} edits/s, no presence; ${w.measureMs / 1000} s window): edit p99 ms\n`);
    const levels = Object.keys(r.writers.levels).map(Number).sort((a, b) => a - b);
    const rows = levels.map((level) => [
      String(level),
      ...kinds.map((k) => {
        const s = r.writers!.levels[level]!.summary[k];
        if (!s) return r.writers!.skipped[k] !== undefined && r.writers!.skipped[k]! < level ? `not run (past ${w.thresholdMs} ms at ${r.writers!.skipped[k]})` : '–';
        const p99 = cell(s['edits.latency.p99']);
        return `${p99}; CPU ${med(s['server.cpuPercent'])}%; drops ${med(s['edits.dropped'])}${(r.writers!.levels[level]!.runs[k] as { converged: boolean }[]).every((x) => x.converged) ? '' : '; **not converged**'}`;
      }),
    ]);
    rows.push([
      `largest room ≤ ${w.thresholdMs} ms p99`,
      ...kinds.map((k) => {
        const b = writersBelow(r, k, w.thresholdMs);
        return b.passedAt === null ? `${b.count} (never passed)` : `${b.count} (passes at ${b.passedAt})`;
      }),
    ]);
    out.push(table(['writers', ...kinds.map((k) => SERVER_LABELS[k])], rows));
    const failed = Object.values(r.writers.levels).flatMap((l) => l.notes);
    if (failed.length) out.push(`\nFailures: ${failed.join('; ')}\n`);
  }
  if (r.storm) {
    const s = scale.storm;
    out.push(`\n### 4. Connect storm: ${s.clients} clients open within ${s.spreadMs} ms into one room (each sends its state vector and presence, as a browser tab does)\n`);
    out.push(
      table(
        ['server', 'connect→synced p50 ms', 'p95 ms', 'p99 ms', 'all synced after ms', 'failures', 'server CPU %', 'peak RSS MB', 'event-loop p99 ms', 'other processes CPU %'],
        kindsOf(r.storm).map((k) => {
          const x = r.storm!.summary[k]!;
          return [
            SERVER_LABELS[k],
            cell(x['connectToSync.p50']),
            cell(x['connectToSync.p95']),
            cell(x['connectToSync.p99']),
            cell(x['allSyncedMs']),
            med(x['failures']),
            cell(x['server.cpuPercent']),
            med(x['server.peakRssMb']),
            med(x['server.eventLoop.p99']),
            med(x['server.outsideCpuPercent']),
          ];
        }),
      ) + notes(r.storm),
    );
  }
  if (r.cursors) {
    const c = scale.cursors;
    const { withCursors, withoutCursors } = r.cursors;
    out.push(`\n### 7. Live cursors: one room of ${c.clients}, each moving a cursor ${c.cursorsPerSecond} times a second, ${c.editors} of them also editing ${c.editsPerSecond} times a second\n`);
    out.push(
      table(
        ['server', 'cursor p99 ms', 'cursors delivered / sent to others', 'edit p99 ms', 'edit p99 without cursors ms', 'frames/s per client', 'writes per socket per turn (most in one)', 'out of order', 'server CPU %', 'converged', 'other processes CPU %'],
        kindsOf(withCursors).map((k) => {
          const x = withCursors.summary[k]!;
          const runs = withCursors.runs[k] as { converged: boolean }[];
          return [
            SERVER_LABELS[k],
            cell(x['presence.latency.p99']),
            `${med(x['presence.delivered'])} / ${med(x['presence.expected'])}`,
            cell(x['edits.latency.p99']),
            cell(withoutCursors.summary[k]?.['edits.latency.p99']),
            cell(x['framesPerClientPerSecond']),
            x['server.socketWrites.perSocketTurn'] ? `${med(x['server.socketWrites.perSocketTurn'])} (${num(x['server.socketWrites.maxInOneTurn']?.max)})` : 'not counted',
            `${med(x['edits.reordered'])} / ${med(x['presence.reordered'])}`,
            cell(x['server.cpuPercent']),
            runs.every((run) => run.converged) ? 'yes' : '**no**',
            med(x['server.outsideCpuPercent']),
          ];
        }),
      ) + notes(withCursors) + notes(withoutCursors),
    );
  }
  if (r.coldLoad) {
    const c = scale.coldLoad;
    out.push(`\n### 5. Cold load: a room of ${c.cards} context cards, only in the server's store, to a new client's full board\n`);
    out.push(
      table(
        ['server', 'full board ms', 'first sync message ms', 'first sync incomplete?', 'loads', 'seeding took ms'],
        kindsOf(r.coldLoad).map((k) => {
          const x = r.coldLoad!.summary[k]!;
          const incomplete = (r.coldLoad!.runs[k] ?? []).filter((run) => run.incompleteAtFirstSync).length;
          return [SERVER_LABELS[k], cell(x['completeMs']), cell(x['syncedMs']), incomplete ? `**yes, ${incomplete} of ${r.coldLoad!.runs[k]!.length}**` : 'no', String(r.coldLoad!.runs[k]!.length), num(r.coldLoad!.seed[k]?.ms)];
        }),
      ) + notes(r.coldLoad),
    );
  }
  if (r.memory) {
    const m = scale.memory;
    out.push(`\n### 6. Memory: ${m.rooms} rooms of ${m.cardsPerRoom} cards loaded (one client each), then every room emptied (RSS and heap after a forced full GC)\n`);
    out.push(
      table(
        ['server', 'RSS per loaded room KB', 'heap per loaded room KB', 'RSS before / loaded / emptied MB', 'heap before / loaded / emptied MB', 'RSS kept after emptying MB', 'heap kept after emptying MB'],
        kindsOf(r.memory).map((k) => {
          const x = r.memory!.summary[k]!;
          return [
            SERVER_LABELS[k],
            cell(x['rssPerRoomKb']),
            cell(x['heapPerRoomKb']),
            `${med(x['rssBeforeMb'])} / ${med(x['rssLoadedMb'])} / ${med(x['rssAfterMb'])}`,
            `${med(x['heapBeforeMb'])} / ${med(x['heapLoadedMb'])} / ${med(x['heapAfterMb'])}`,
            cell(x['retainedRssMb']),
            cell(x['retainedHeapMb']),
          ];
        }),
      ) + notes(r.memory),
    );
  }
  out.push(...renderShared(r, scale));
  if (r.browser) {
    const b = r.browser;
    out.push(`\n### The board in Chromium: ${b.cards} context cards, ${b.editsPerSecond} remote edits/s for ${b.seconds} s (${b.chromium})\n`);
    out.push(
      table(
        ['measure', 'value'],
        [
          ['remote updates measured', String(b.updatesMeasured)],
          ['per update: script + React render and commit (ms)', `median ${b.perUpdateJs.median}, p95 ${b.perUpdateJs.p95}, max ${b.perUpdateJs.max} (${b.perUpdateJs.count} updates)`],
          ['per update: the same plus style and layout (ms)', `median ${b.perUpdateWithLayout.median}, p95 ${b.perUpdateWithLayout.p95}, max ${b.perUpdateWithLayout.max} (${b.perUpdateWithLayout.count} updates)`],
          ['long tasks (> 50 ms)', `${b.longTasks.count}, ${b.longTasks.totalMs} ms in all, longest ${b.longTasks.maxMs} ms`],
          ['frames', `${b.frames.frames} at ${b.frames.frameMs} ms; ${b.frames.dropped} dropped (${b.frames.droppedPercent}%); worst gap ${b.frames.worstGapMs} ms`],
          ['last edit on screen', b.lastEditShown ? 'yes' : '**no**'],
          ['initial JavaScript', `${b.jsSize.initialGzipKb} KB gzipped (${b.jsSize.initialRawKb} KB raw); all JavaScript ${b.jsSize.allJsGzipKb} KB gzipped`],
        ],
      ),
    );
    if (b.profile) out.push('\n' + profileBlock('Page CPU profile of a second, unmeasured pass (Chrome DevTools Profiler)', b.profile));
  }
  if (doc.profiles.length) {
    out.push('\n### Profiles of our server where a target was missed\n');
    for (const p of doc.profiles) {
      out.push(profileBlock(`V8 CPU profile (the profiler behind \`node --cpu-prof\`) of our server's main thread over the window of one more run of ${p.scenario} (p99 ${'edits' in p.run ? p.run.edits.latency.p99 : p.run.connectToSync.p99} ms in that run)`, p.profile));
    }
  }
  return out.join('\n');
}

/** Replaces the generated part of BENCHMARKS.md, keeping the hand-written text around it. */
export function writeReport(file: string, doc: BenchDocument): void {
  const generated = `${GENERATED_START}\n\n${renderGenerated(doc)}\n\n${GENERATED_END}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = current.indexOf(GENERATED_START);
  const end = current.indexOf(GENERATED_END);
  const next = start >= 0 && end > start ? current.slice(0, start) + generated + current.slice(end + GENERATED_END.length) : `${current}${current ? '\n\n' : '# Benchmarks\n\n'}${generated}\n`;
  fs.writeFileSync(file, next);
}
