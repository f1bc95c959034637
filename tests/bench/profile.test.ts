import { describe, expect, it } from 'vitest';
import { summariseProfile, type CallFrame, type Profile } from './profile.ts';

const frame = (functionName: string, url = ''): CallFrame => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
const PROBE = 'file:///repo/tests/bench/probe.ts';
const OURS = 'file:///repo/server/src/relay/room.ts';

/**
 * A profile of (root) → idle, (root) → broadcast (ours) → writev, and the probe's profiler stop:
 * (root) → probe handler → post → dispatch. `samples` lists [node id, microseconds].
 */
function profile(samples: [number, number][]): Profile {
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 5, 8] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('broadcast', OURS), children: [4] },
      { id: 4, callFrame: frame('writev') },
      { id: 5, callFrame: frame('', PROBE), children: [6] },
      { id: 6, callFrame: frame('post', 'node:inspector'), children: [7] },
      { id: 7, callFrame: frame('dispatch') },
      { id: 8, callFrame: frame('(garbage collector)') },
    ],
    samples: samples.map(([id]) => id),
    timeDeltas: samples.map(([, us]) => us),
  };
}

const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url}`;
const isOurs = (l: string) => l.includes('/server/src/');

describe('summariseProfile', () => {
  it.each([
    {
      name: 'the probe stop is left out of busy time and of every share',
      samples: [[2, 1000], [4, 3000], [7, 4000], [8, 1000]] as [number, number][],
      busyMs: 4,
      probeMs: 4,
      idlePercent: 20,
      writevSelf: 75,
      gcPercent: 25,
    },
    {
      name: 'without the probe nothing changes',
      samples: [[2, 1000], [4, 3000], [8, 1000]] as [number, number][],
      busyMs: 4,
      probeMs: 0,
      idlePercent: 20,
      writevSelf: 75,
      gcPercent: 25,
    },
    {
      // Nine 1 ms samples and one busy sample 400 ms after the one before (the process was off the core): it counts 4 ms.
      name: 'a busy sample after a long gap counts at most four sampling intervals',
      samples: [...Array.from({ length: 5 }, () => [2, 1000]), [4, 400_000], ...Array.from({ length: 4 }, () => [4, 1000])] as [number, number][],
      busyMs: 8,
      probeMs: 0,
      idlePercent: 38.5,
      writevSelf: 100,
      gcPercent: 0,
    },
    {
      name: 'a profile that is all probe has no busy time',
      samples: [[2, 2000], [7, 6000]] as [number, number][],
      busyMs: 0,
      probeMs: 6,
      idlePercent: 100,
      writevSelf: 0,
      gcPercent: 0,
    },
  ])('$name', ({ samples, busyMs, probeMs, idlePercent, writevSelf, gcPercent }) => {
    const summary = summariseProfile(profile(samples), label, isOurs);
    expect(summary.busyMs).toBe(busyMs);
    expect(summary.probeMs).toBe(probeMs);
    expect(summary.idlePercent).toBe(idlePercent);
    expect(summary.gcPercent).toBe(gcPercent);
    expect(summary.top.find((f) => f.frame === 'writev ')?.selfPercent ?? 0).toBe(writevSelf);
    expect(summary.top.map((f) => f.frame)).not.toContain('dispatch ');
    expect(summary.ours.map((f) => f.frame)).toEqual(writevSelf > 0 ? [`broadcast ${OURS}`] : []);
  });
});
