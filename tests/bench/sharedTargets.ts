import type { BenchResults, Scenario } from './harness.ts';
import type { OrphanRun } from './sharedScenarios.ts';
import { ratioVerdict, roundRatios, describeRatios, type ByRound, type RatioVerdict } from './stats.ts';
import { byRound, MIN_ROUNDS, type TargetCheck } from './targets.ts';

/** Issue 12's targets for shared mode (two instances on PostgreSQL and Redis) beside the single-node server. */
export const SHARED_ONE_ROOM_EXTRA_MS = 10;
export const SHARED_MANY_ROOMS_RATIO = 1.5;
export const CATCH_UP_MS = 1000;
export const CATCH_UP_ROWS = 10_000;
export const ORPHANS_IN_SYNC_MS = 2000;

const p99Of = (run: unknown) => (run as { edits?: { latency?: { p99?: number } } }).edits?.latency?.p99 ?? NaN;

/** Per round: shared p99 − single-node p99 (ms), for rounds that have both. */
export function roundDifferences(shared: ByRound, single: ByRound): number[] {
  return [...shared]
    .sort(([a], [b]) => a - b)
    .map(([round, value]) => value - (single.get(round) ?? NaN))
    .filter(Number.isFinite);
}

/** "4.1 ms (2.3–6, 5 rounds)": a verdict on plain values (not ratios), with its unit. */
function describeValues(v: RatioVerdict, unit: string): string {
  const { median, min, max, runs } = v.ratios;
  return Number.isFinite(median) ? `${median} ${unit} (${min}–${max}, ${runs} round${runs === 1 ? '' : 's'})` : 'n/a';
}

type Delivery = { edits: { dropped: number }; converged: boolean; disconnects: number; reconnects?: number };

/**
 * Shared rounds that lost deliveries or did not converge: a latency verdict cannot excuse them (a
 * round where nothing arrived has no p99 at all, and would otherwise drop out of the ratios).
 */
function brokenRounds(scenario: Scenario<unknown>): string | null {
  const runs = (scenario.runs.shared ?? []) as Delivery[];
  const broken = runs.filter((run) => run.edits.dropped > 0 || !run.converged);
  if (broken.length === 0) return null;
  const closed = broken.map((run) => `${run.disconnects}${run.reconnects === undefined ? '' : ` (${run.reconnects} reconnects)`}`).join(', ');
  return `; ${broken.length} of ${runs.length} shared rounds dropped edits or did not converge (clients whose socket closed under them: ${closed})`;
}

export function sharedTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const oneRoom = results.oneRoom as Scenario<unknown> | undefined;
  const manyRooms = results.manyRooms as Scenario<unknown> | undefined;
  if (oneRoom?.runs.shared) {
    const v = ratioVerdict(roundDifferences(byRound(oneRoom, 'shared', p99Of), byRound(oneRoom, 'ours', p99Of)), SHARED_ONE_ROOM_EXTRA_MS, MIN_ROUNDS);
    checks.push({
      id: 'shared-p99-oneRoom',
      target: `Scenario 1, shared mode: p99 ≤ single-node p99 + ${SHARED_ONE_ROOM_EXTRA_MS} ms (median per-round difference)`,
      measured: `medians: shared ${oneRoom.summary.shared?.['edits.latency.p99']?.median} ms, single-node ${oneRoom.summary.ours?.['edits.latency.p99']?.median} ms${brokenRounds(oneRoom) ?? ''}`,
      ratio: `+${describeValues(v, 'ms')}`,
      holds: brokenRounds(oneRoom) ? false : v.holds,
    });
  }
  if (manyRooms?.runs.shared) {
    const v = ratioVerdict(roundRatios(byRound(manyRooms, 'shared', p99Of), [byRound(manyRooms, 'ours', p99Of)]), SHARED_MANY_ROOMS_RATIO, MIN_ROUNDS);
    checks.push({
      id: 'shared-p99-manyRooms',
      target: `Scenario 2, shared mode: p99 ≤ ${SHARED_MANY_ROOMS_RATIO}× single-node p99 (median per-round ratio)`,
      measured: `medians: shared ${manyRooms.summary.shared?.['edits.latency.p99']?.median} ms, single-node ${manyRooms.summary.ours?.['edits.latency.p99']?.median} ms${brokenRounds(manyRooms) ?? ''}`,
      ratio: describeRatios(v),
      holds: brokenRounds(manyRooms) ? false : v.holds,
    });
  }
  // Judged on the longest log measured; a run that stopped short of 10,000 rows (the tiny scale) decides nothing.
  const longest = Math.max(...Object.keys(results.catchUp?.levels ?? {}).map(Number));
  const catchUp = results.catchUp?.levels[longest];
  if (catchUp) {
    const v = ratioVerdict(catchUp.runs.map((run) => run.completeMs), CATCH_UP_MS, MIN_ROUNDS);
    checks.push({
      id: 'shared-catch-up',
      target: `Shared mode: an instance catches a room of a snapshot plus ${CATCH_UP_ROWS.toLocaleString('en')} log rows up for a new client within ${CATCH_UP_MS} ms (median of loads)`,
      measured: `${longest.toLocaleString('en')} rows: ${describeValues(v, 'ms').replace('round', 'load')}`,
      ratio: Number.isFinite(v.ratios.median) ? `${(v.ratios.median / CATCH_UP_MS).toFixed(2)}×` : 'n/a',
      holds: longest >= CATCH_UP_ROWS ? v.holds : null,
    });
  }
  if (results.orphans?.runs.shared) {
    const runs = results.orphans.runs.shared as OrphanRun[];
    const v = ratioVerdict(runs.map((run) => run.allInSyncMs), ORPHANS_IN_SYNC_MS, MIN_ROUNDS);
    checks.push({
      id: 'shared-orphans',
      target: `Shared mode: the clients of a SIGKILLed instance back in sync on the other within ${ORPHANS_IN_SYNC_MS} ms of the kill (median of rounds)`,
      measured: describeValues(v, 'ms'),
      ratio: Number.isFinite(v.ratios.median) ? `${(v.ratios.median / ORPHANS_IN_SYNC_MS).toFixed(2)}×` : 'n/a',
      holds: v.holds,
    });
    const lost = runs.reduce((sum, run) => sum + run.lost, 0);
    checks.push({
      id: 'shared-orphans-lost',
      target: 'Shared mode: 0 updates lost when an instance is killed under its clients',
      measured: `${lost} of ${runs.reduce((sum, run) => sum + run.written, 0)} cards missing from PostgreSQL after ${runs.length} kills`,
      ratio: 'n/a',
      holds: runs.length ? lost === 0 : null,
    });
  }
  return checks;
}
