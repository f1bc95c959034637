/** The median of several runs and their spread (lowest and highest). */
export type Spread = { median: number; min: number; max: number; runs: number };

export function spread(values: number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN, runs: values.length };
  const mid = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
  return { median: round(median), min: round(finite[0]!), max: round(finite.at(-1)!), runs: values.length };
}

/** Spreads of every numeric leaf the runs share, keyed by dotted path ("edits.latency.p99"). */
export function summariseRuns(runs: object[]): Record<string, Spread> {
  const paths = new Map<string, number[]>();
  const walk = (value: unknown, prefix: string, run: number) => {
    if (typeof value === 'number') {
      const list = paths.get(prefix) ?? new Array<number>(runs.length).fill(NaN);
      list[run] = value;
      paths.set(prefix, list);
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key, run);
    }
  };
  runs.forEach((run, i) => walk(run, '', i));
  return Object.fromEntries([...paths].map(([path, values]) => [path, spread(values)]));
}

export function round(n: number): number {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * The order servers run in round `round`: the list turned by one place each round, so none is
 * always first. Under load the server that ran second in a round did better in four rounds of five,
 * whichever it was (BENCHMARKS.md, "The relay's cost per message"). Example: roundOrder([a, b, c], 1) → [b, c, a].
 */
export function roundOrder<T>(servers: readonly T[], round: number): T[] {
  const shift = servers.length === 0 ? 0 : round % servers.length;
  return [...servers.slice(shift), ...servers.slice(0, shift)];
}

/** One server's value of a measure in each round it completed: round number → value. */
export type ByRound = ReadonlyMap<number, number>;

/**
 * For every round where ours and at least one peer have a value: ours ÷ the best (lowest) peer of
 * that same round. Runs are interleaved, so a round's servers met the same machine; the ratio
 * cancels what the machine did to all of them. Example: ours {0: 8, 1: 12}, peers [{0: 10, 1: 10}] → [0.8, 1.2].
 */
export function roundRatios(ours: ByRound, peers: readonly ByRound[]): number[] {
  const ratios: number[] = [];
  for (const [round, value] of [...ours].sort(([a], [b]) => a - b)) {
    const best = Math.min(...peers.map((p) => p.get(round) ?? NaN).filter((v) => Number.isFinite(v) && v > 0));
    if (Number.isFinite(value) && Number.isFinite(best)) ratios.push(value / best);
  }
  return ratios;
}

/** A verdict on per-round ratios: their median against `limit`, decided only with `minRounds` rounds or more. */
export type RatioVerdict = { ratios: Spread; holds: boolean | null };

export function ratioVerdict(ratios: readonly number[], limit: number, minRounds: number): RatioVerdict {
  const s = spread([...ratios]);
  const rounds = ratios.filter(Number.isFinite).length;
  return { ratios: s, holds: rounds === 0 || rounds < minRounds ? null : s.median <= limit };
}

/** "0.85× (0.71–1.02, 5 rounds)": a ratio verdict's median and spread. */
export function describeRatios(v: RatioVerdict): string {
  const { median, min, max } = v.ratios;
  const rounds = v.ratios.runs;
  if (!Number.isFinite(median)) return 'n/a';
  return `${median.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)}, ${rounds} round${rounds === 1 ? '' : 's'})`;
}
