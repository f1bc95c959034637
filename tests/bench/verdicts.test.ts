import { describe, expect, it } from 'vitest';
import type { BenchResults, RealtimeRun, Scenario } from './harness.ts';
import { describeRatios, ratioVerdict, roundOrder, roundRatios } from './stats.ts';
import { baselineComparison, checkTargets, MIN_ROUNDS } from './targets.ts';

// The verdict math: per-round ratios of ours to the best peer of the same round, their median
// against the limit, decided only with enough rounds.

const rounds = (values: Record<number, number | undefined>) => new Map(Object.entries(values).map(([k, v]) => [Number(k), v ?? NaN]));

type RatioCase = { name: string; ours: Record<number, number>; peers: Record<number, number>[]; ratios: number[] };

describe('roundRatios', () => {
  it.each<RatioCase>([
    { name: 'one peer', ours: { 0: 8, 1: 12 }, peers: [{ 0: 10, 1: 10 }], ratios: [0.8, 1.2] },
    { name: 'the best peer of each round, not of the whole run', ours: { 0: 9, 1: 9 }, peers: [{ 0: 10, 1: 30 }, { 0: 20, 1: 18 }], ratios: [0.9, 0.5] },
    { name: 'a round ours missed is left out', ours: { 1: 5 }, peers: [{ 0: 10, 1: 10 }], ratios: [0.5] },
    { name: 'a round every peer missed is left out', ours: { 0: 5, 1: 5 }, peers: [{ 1: 10 }, { 1: 20 }], ratios: [0.5] },
    { name: 'a peer at zero or NaN does not count as best', ours: { 0: 4 }, peers: [{ 0: 0 }, { 0: NaN }, { 0: 8 }], ratios: [0.5] },
    { name: 'rounds in order, whatever order they were stored in', ours: { 2: 3, 0: 1 }, peers: [{ 0: 2, 2: 2 }], ratios: [0.5, 1.5] },
    { name: 'no peers', ours: { 0: 5 }, peers: [], ratios: [] },
  ])('$name', ({ ours, peers, ratios }) => {
    expect(roundRatios(rounds(ours), peers.map(rounds))).toEqual(ratios);
  });
});

describe('ratioVerdict', () => {
  it.each([
    { name: 'median under the limit holds', ratios: [0.7, 0.8, 0.85, 0.95, 1.4], limit: 0.9, holds: true, median: 0.85 },
    { name: 'one wild round does not decide it', ratios: [0.5, 0.6, 0.7, 0.8, 9], limit: 0.9, holds: true, median: 0.7 },
    { name: 'median over the limit is missed', ratios: [0.8, 0.95, 1, 1.1, 0.7], limit: 0.9, holds: false, median: 0.95 },
    { name: 'exactly at the limit holds', ratios: [1.3, 1.3, 1.3, 1.3, 1.3], limit: 1.3, holds: true, median: 1.3 },
    { name: 'fewer rounds than needed decides nothing', ratios: [0.5, 0.5, 0.5, 0.5], limit: 0.9, holds: null, median: 0.5 },
    { name: 'no rounds decides nothing', ratios: [], limit: 0.9, holds: null, median: NaN },
  ])('$name', ({ ratios, limit, holds, median }) => {
    const verdict = ratioVerdict(ratios, limit, MIN_ROUNDS);
    expect(verdict.holds).toBe(holds);
    expect(verdict.ratios.median).toEqual(median);
  });

  it('describes the median, the spread and the rounds', () => {
    expect(describeRatios(ratioVerdict([0.7, 0.8, 0.85, 0.95, 1.4], 0.9, MIN_ROUNDS))).toBe('0.85× (0.70–1.40, 5 rounds)');
    expect(describeRatios(ratioVerdict([], 0.9, MIN_ROUNDS))).toBe('n/a');
  });
});

/** A scenario of runs with these p99s, CPU and deliveries, round by round (NaN: the run failed and is absent). */
function scenario(byKind: Record<string, { p99: number; cpu?: number; delivered?: number; presenceDelivered?: number }[]>): Scenario<RealtimeRun> {
  const runs: Record<string, RealtimeRun[]> = {};
  const roundsOf: Record<string, number[]> = {};
  for (const [kind, list] of Object.entries(byKind)) {
    list.forEach((r, round) => {
      if (Number.isNaN(r.p99)) return;
      const run = { windowMs: 1000, edits: { delivered: r.delivered ?? 60, latency: { p99: r.p99 } }, presence: { expected: 40, delivered: r.presenceDelivered ?? 40 }, server: { cpuPercent: r.cpu ?? 50 } };
      (runs[kind] ??= []).push(run as unknown as RealtimeRun);
      (roundsOf[kind] ??= []).push(round);
    });
  }
  const summary = Object.fromEntries(Object.entries(runs).map(([k, list]) => [k, { 'edits.latency.p99': { median: list[0]!.edits.latency.p99, min: 0, max: 0, runs: list.length } }]));
  return { runs, rounds: roundsOf, summary, notes: [] };
}

const five = (p99: number, cpu = 50) => Array.from({ length: 5 }, () => ({ p99, cpu }));

type Runs = Record<string, { p99: number; cpu?: number; presenceDelivered?: number }[]>;

describe('checkTargets with per-round ratios', () => {
  it.each<{ name: string; oneRoom: Runs; expected: Record<string, boolean | null> }>([
    {
      name: 'ours faster than the best peer in every round',
      oneRoom: { ours: five(8), reference: five(10), hocuspocus: five(12), bare: five(7) },
      expected: { 'p99-oneRoom': true, 'ceiling-1.3x': true, 'cpu-per-message': true },
    },
    {
      name: 'ours 0.95× the best peer: the 0.9 target is missed, the ceiling holds',
      oneRoom: { ours: five(9.5), reference: five(10), hocuspocus: five(20), bare: five(8) },
      expected: { 'p99-oneRoom': false, 'ceiling-1.3x': true, 'cpu-per-message': true },
    },
    {
      // Round 2 was slow for everyone: within-round ratios are unaffected.
      name: 'a disturbed round slows every server alike and changes no verdict',
      oneRoom: {
        ours: [8, 8, 80, 8, 8].map((p99) => ({ p99 })),
        reference: [10, 10, 100, 10, 10].map((p99) => ({ p99 })),
        bare: [7, 7, 70, 7, 7].map((p99) => ({ p99 })),
      },
      expected: { 'p99-oneRoom': true, 'ceiling-1.3x': true, 'cpu-per-message': true },
    },
    {
      name: 'ours costs more CPU per delivered message than the reference',
      oneRoom: { ours: five(8, 60), reference: five(10, 50), bare: five(7) },
      expected: { 'p99-oneRoom': true, 'ceiling-1.3x': true, 'cpu-per-message': false },
    },
    {
      // Ours delivered fewer presence states (it coalesced them), which still count: same CPU, same cost.
      name: 'coalesced presence counts as delivered for CPU per message',
      oneRoom: { ours: five(8, 50).map((r) => ({ ...r, presenceDelivered: 5 })), reference: five(10, 50), bare: five(7) },
      expected: { 'cpu-per-message': true },
    },
    {
      name: 'only four rounds: nothing is decided',
      oneRoom: { ours: five(8).slice(0, 4), reference: five(10).slice(0, 4), bare: five(7).slice(0, 4) },
      expected: { 'p99-oneRoom': null, 'ceiling-1.3x': null, 'cpu-per-message': null },
    },
    {
      name: 'a failed round of ours is left out, not compared with another round',
      oneRoom: { ours: [NaN, 8, 8, 8, 8, 8].map((p99) => ({ p99 })), reference: [1, 10, 10, 10, 10, 10].map((p99) => ({ p99 })), bare: five(7).concat([{ p99: 7, cpu: 50 }]) },
      expected: { 'p99-oneRoom': true, 'ceiling-1.3x': true, 'cpu-per-message': true },
    },
  ])('$name', ({ oneRoom, expected }) => {
    const results: BenchResults = { oneRoom: scenario(oneRoom) };
    const verdicts = Object.fromEntries(checkTargets(results, 100).map((t) => [t.id, t.holds]));
    expect(verdicts).toMatchObject(expected);
  });

  it('scenario 3 holds only when every writer count holds; a count where every peer was past the threshold counts for ours', () => {
    const writers = (levels: Record<number, Record<string, { p99: number }[]>>): BenchResults => ({
      writers: { levels: Object.fromEntries(Object.entries(levels).map(([level, kinds]) => [level, scenario(kinds)])), skipped: {} },
    });
    const holdsAt = (results: BenchResults) => checkTargets(results, 100).find((t) => t.id === 'p99-writers')!.holds;
    expect(holdsAt(writers({ 50: { ours: five(8), reference: five(10) }, 400: { ours: five(30) } }))).toBe(true);
    expect(holdsAt(writers({ 50: { ours: five(8), reference: five(10) }, 100: { ours: five(10), hocuspocus: five(10) } }))).toBe(false);
  });
});

describe('baselineComparison', () => {
  const five = (p99: number, cpu: number) => Array.from({ length: 5 }, () => ({ p99, cpu }));
  it.each([
    {
      name: 'ours beside the baseline checkout, per round, in every scenario both ran',
      results: { oneRoom: scenario({ ours: five(8, 40), baseline: five(10, 50), reference: five(9, 45) }) } as BenchResults,
      lines: ['s1: edit p99 0.80× (0.80–0.80, 5 rounds), CPU per delivered message 0.80× (0.80–0.80, 5 rounds)'],
    },
    {
      name: 'writer levels each get a line',
      results: { writers: { levels: { 50: scenario({ ours: five(12, 30), baseline: five(10, 30) }) }, skipped: {} } } as unknown as BenchResults,
      lines: ['s3/50: edit p99 1.20× (1.20–1.20, 5 rounds), CPU per delivered message 1.00× (1.00–1.00, 5 rounds)'],
    },
    { name: 'nothing without the baseline', results: { oneRoom: scenario({ ours: five(8, 40), reference: five(9, 45) }) } as BenchResults, lines: [] },
  ])('$name', ({ results, lines }) => {
    expect(baselineComparison(results)).toEqual(lines);
  });
});

describe('roundOrder', () => {
  it.each([
    { round: 0, order: ['ours', 'reference', 'bare'] },
    { round: 1, order: ['reference', 'bare', 'ours'] },
    { round: 2, order: ['bare', 'ours', 'reference'] },
    { round: 3, order: ['ours', 'reference', 'bare'] },
  ])('round $round runs $order', ({ round, order }) => {
    expect(roundOrder(['ours', 'reference', 'bare'], round)).toEqual(order);
  });

  it('one server or none', () => {
    expect(roundOrder(['ours'], 4)).toEqual(['ours']);
    expect(roundOrder([], 2)).toEqual([]);
  });
});
