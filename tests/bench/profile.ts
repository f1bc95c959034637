import fs from 'node:fs';
import path from 'node:path';

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: CallFrame; children?: number[] };
export type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };
export type Frame = { frame: string; selfPercent: number; totalPercent: number };
/** `probeMs`: time spent under the harness's own probe (its profiler stop above all), left out of every other figure. */
export type ProfileSummary = { busyMs: number; idlePercent: number; gcPercent: number; probeMs: number; top: Frame[]; ours: Frame[] };

/**
 * The benchmark's probe (tests/bench/probe.ts), preloaded into the server under test. Stopping the
 * profiler serialises the profile inside the profiled process, under the probe's `session.post`, and
 * was counted as the server's work: 35–40 % of a catch-up profile's "busy" time, 5–6 % of scenario 1's.
 */
export const isProbeFrame = (frame: CallFrame): boolean => frame.url.endsWith('/tests/bench/probe.ts');

/** `name file:line`, with node_modules paths shortened to the package and ours relative to the repo. */
export function fileLabel(root: string): (frame: CallFrame) => string {
  return ({ functionName, url, lineNumber }) => {
    if (!url) return functionName || '(anonymous)';
    if (url.startsWith('node:')) return `${functionName || '(anonymous)'} ${url}`;
    let file = url.replace(/^file:\/\//, '');
    const store = file.lastIndexOf('/node_modules/');
    file = store >= 0 ? file.slice(store + '/node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '') : path.relative(root, file);
    // tsx strips whitespace from what it runs, so lines in our TypeScript all read 1: name the file only.
    return file.endsWith('.ts') ? `${functionName || '(anonymous)'} ${file}` : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
}

/** How many sampling intervals one busy sample may stand for (see summariseProfile). */
const MAX_SAMPLE_INTERVALS = 4;

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The busiest functions of a V8 CPU profile (`node --cpu-prof`, or Chrome's Profiler domain): self
 * time and total (inclusive) time as a share of the time not idle. `ours` lists the frames that
 * `isOurs` picks, by total time: which of our own steps costs what. Samples with a `isHarness`
 * frame on their stack are the measuring's own work: counted apart (`probeMs`), not as busy.
 */
export function summariseProfile(
  profile: Profile,
  label: (frame: CallFrame) => string,
  isOurs: (label: string) => boolean,
  limit = 12,
  isHarness: (frame: CallFrame) => boolean = isProbeFrame,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const labels = new Map(profile.nodes.map((n) => [n.id, label(n.callFrame)]));
  const self = new Map<number, number>();
  // A sample's delta is the time since the one before, which includes any time the process was off
  // the core: on a loaded machine 7 samples inside one Yjs function carried 803 ms, a third of a
  // profile's "busy" time. A busy sample counts at most MAX_SAMPLE_INTERVALS of the profile's median interval.
  const cap = MAX_SAMPLE_INTERVALS * median(profile.timeDeltas);
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const us = byId.get(id)?.callFrame.functionName === '(idle)' ? delta : Math.min(delta, cap);
    self.set(id, (self.get(id) ?? 0) + us);
  });
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const underHarness = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (isHarness(byId.get(at)!.callFrame)) return true;
    return false;
  };
  let idle = 0;
  let gc = 0;
  let total = 0;
  let probe = 0;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    const name = byId.get(id)!.callFrame.functionName;
    if (underHarness(id)) {
      probe += us;
      continue;
    }
    total += us;
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    if (name === '(garbage collector)') gc += us;
    const key = labels.get(id)!;
    selfBy.set(key, (selfBy.get(key) ?? 0) + us);
    // Inclusive time: once per distinct frame on the stack (recursion counted once).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = labels.get(at)!;
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const pct = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  const frame = (key: string): Frame => ({ frame: key, selfPercent: pct(selfBy.get(key) ?? 0), totalPercent: pct(totalBy.get(key) ?? 0) });
  const top = [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k]) => frame(k));
  const ours = [...totalBy]
    .filter(([k]) => isOurs(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([k]) => frame(k));
  return { busyMs: Math.round(busy / 1000), idlePercent: Math.round((idle / Math.max(1, total)) * 1000) / 10, gcPercent: pct(gc), probeMs: Math.round(probe / 1000), top, ours };
}

/** One `.cpuprofile` file, summarised; frames under `oursPrefix` are ours. */
export function summariseProfileFile(file: string, root: string, oursPrefix: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  return summariseProfile(profile, fileLabel(root), (l) => l.includes(` ${oursPrefix}`));
}
