import type { Scale } from './config.ts';
import type { BenchResults } from './harness.ts';
import { cell, table } from './report.ts';

/** BENCHMARKS.md's sections for shared mode's own scenarios: catch-up and orphans (report.ts renders the rest). */

export function renderShared(r: BenchResults, scale: Scale): string[] {
  const out: string[] = [];
  if (r.catchUp) {
    const c = r.catchUp;
    out.push(`\n### 8. Shared mode, catch-up: an instance that never had the room loads a snapshot of ${c.snapshotCards} cards plus log rows (each one card's text edited) from PostgreSQL for a new client\n`);
    out.push(
      table(
        ['log rows', 'full board ms (connect to every card and the last edit)', 'first sync message ms', 'loads'],
        Object.entries(c.levels)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([rows, level]) => [Number(rows).toLocaleString('en'), cell(level.summary['completeMs']), cell(level.summary['syncedMs']), String(level.runs.length)]),
      ) + (c.notes.length ? `\nFailures: ${c.notes.join('; ')}\n` : ''),
    );
  }
  if (r.orphans) {
    const o = scale.orphans;
    const x = r.orphans.summary.shared;
    out.push(`\n### 9. Shared mode, orphans: ${o.clients} clients (the board's provider) through a round-robin balancer add cards at ${o.editsPerSecond}/s each for ${o.stormMs / 1000} s; then one of the two instances is SIGKILLed\n`);
    out.push(
      table(
        ['orphaned clients', 'kill → reconnected ms (first retry after 200 ms)', 'kill → an orphan in sync ms', 'kill → every client in sync ms', 'cards written', 'lost', 'rounds'],
        x
          ? [[cell(x['orphans']), `${cell(x['reconnectMs.median'])} (worst ${cell(x['reconnectMs.max'])})`, `${cell(x['orphanInSyncMs.median'])} (worst ${cell(x['orphanInSyncMs.max'])})`, cell(x['allInSyncMs']), cell(x['written']), cell(x['lost']), String(r.orphans.runs.shared?.length ?? 0)]]
          : [],
      ) + (r.orphans.notes.length ? `\nFailures: ${r.orphans.notes.join('; ')}\n` : ''),
    );
  }
  return out;
}
