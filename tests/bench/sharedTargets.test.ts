import { describe, expect, it } from 'vitest';
import type { BenchResults } from './harness.ts';
import { roundDifferences, sharedTargets } from './sharedTargets.ts';

// Shared mode's verdicts: per-round differences and ratios to the single-node server, and rounds
// that lost edits failing the latency targets outright.

const rounds = (values: Record<number, number>) => new Map(Object.entries(values).map(([k, v]) => [Number(k), v]));

type DifferenceCase = { name: string; shared: Record<number, number>; single: Record<number, number>; differences: number[] };

describe('roundDifferences', () => {
  it.each<DifferenceCase>([
    { name: 'shared minus single-node, round by round', shared: { 0: 15, 1: 12 }, single: { 0: 5, 1: 10 }, differences: [10, 2] },
    { name: 'a round single-node missed is left out', shared: { 0: 15, 1: 12 }, single: { 1: 10 }, differences: [2] },
    { name: 'rounds in order', shared: { 2: 9, 0: 4 }, single: { 0: 1, 2: 1 }, differences: [3, 8] },
  ])('$name', ({ shared, single, differences }) => {
    expect(roundDifferences(rounds(shared), rounds(single))).toEqual(differences);
  });
});

/** A realtime run as the targets read it. */
const run = (p99: number, dropped = 0, converged = true) => ({ edits: { latency: { p99 }, dropped }, converged, disconnects: dropped ? 8 : 0 });
const scenario = (ours: number[], shared: ReturnType<typeof run>[]) => ({
  runs: { ours: ours.map((p99) => run(p99)), shared },
  rounds: { ours: ours.map((_, i) => i), shared: shared.map((_, i) => i) },
  summary: {},
  notes: [],
});
const verdict = (results: object, id: string) => sharedTargets(results as BenchResults).find((t) => t.id === id)?.holds;

describe('sharedTargets', () => {
  it.each([
    { name: 'scenario 1 within 10 ms in 5 rounds holds', id: 'shared-p99-oneRoom', key: 'oneRoom', ours: [5, 5, 5, 5, 5], shared: [12, 14, 9, 30, 6].map((p) => run(p)), holds: true },
    { name: 'scenario 1 over 10 ms at the median is missed', id: 'shared-p99-oneRoom', key: 'oneRoom', ours: [5, 5, 5, 5, 5], shared: [20, 20, 20, 6, 6].map((p) => run(p)), holds: false },
    { name: 'scenario 1 with 3 rounds decides nothing', id: 'shared-p99-oneRoom', key: 'oneRoom', ours: [5, 5, 5], shared: [6, 6, 6].map((p) => run(p)), holds: null },
    { name: 'scenario 2 at 1.4× holds', id: 'shared-p99-manyRooms', key: 'manyRooms', ours: [10, 10, 10, 10, 10], shared: [14, 14, 14, 14, 14].map((p) => run(p)), holds: true },
    { name: 'scenario 2 with one round dropping edits is missed, whatever the ratios', id: 'shared-p99-manyRooms', key: 'manyRooms', ours: [10, 10, 10, 10, 10], shared: [...[11, 11, 11, 11].map((p) => run(p)), run(11, 40)], holds: false },
    { name: 'a round that did not converge is missed too', id: 'shared-p99-oneRoom', key: 'oneRoom', ours: [5, 5, 5, 5, 5], shared: [...[6, 6, 6, 6].map((p) => run(p)), run(6, 0, false)], holds: false },
  ])('$name', ({ id, key, ours, shared, holds }) => {
    expect(verdict({ [key]: scenario(ours, shared) }, id)).toBe(holds);
  });

  const catchUp = (rows: number, ms: number[]) => ({ catchUp: { snapshotCards: 1000, levels: { [rows]: { runs: ms.map((completeMs) => ({ completeMs })), summary: {} } }, notes: [] } });
  it.each([
    { name: 'catch-up of 10,000 rows under 1 s holds', results: catchUp(10_000, [800, 900, 950, 1200, 700]), holds: true },
    { name: 'catch-up of 10,000 rows over 1 s is missed', results: catchUp(10_000, [1800, 900, 1950, 1200, 1700]), holds: false },
    { name: 'a shorter log (the tiny scale) decides nothing', results: catchUp(50, [10, 10, 10, 10, 10]), holds: null },
  ])('$name', ({ results, holds }) => {
    expect(verdict(results, 'shared-catch-up')).toBe(holds);
  });

  const orphans = (runs: { allInSyncMs: number; lost: number }[]) => ({ orphans: { runs: { shared: runs.map((r) => ({ ...r, written: 10 })) }, summary: {}, notes: [] } });
  it.each([
    { name: 'in sync within 2 s, nothing lost', results: orphans([500, 900, 1900, 2500, 700].map((allInSyncMs) => ({ allInSyncMs, lost: 0 }))), inSync: true, lost: true },
    { name: 'one card lost in one round fails the loss target', results: orphans([500, 900, 700, 600, 700].map((allInSyncMs, i) => ({ allInSyncMs, lost: i === 2 ? 1 : 0 }))), inSync: true, lost: false },
    { name: 'slow at the median', results: orphans([2500, 2900, 700, 2600, 700].map((allInSyncMs) => ({ allInSyncMs, lost: 0 }))), inSync: false, lost: true },
  ])('$name', ({ results, inSync, lost }) => {
    expect(verdict(results, 'shared-orphans')).toBe(inSync);
    expect(verdict(results, 'shared-orphans-lost')).toBe(lost);
  });
});
