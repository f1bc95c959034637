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
