import { describe, expect, it } from 'vitest';
import { InstanceLiveness } from './instanceLiveness.ts';

describe('InstanceLiveness', () => {
  it.each([
    { beats: [['a', 0]], at: 2_999, dead: [] },
    { beats: [['a', 0]], at: 3_000, dead: ['a'] },
    { beats: [['a', 0], ['b', 1_000]], at: 3_500, dead: ['a'] },
    { beats: [['a', 0], ['a', 2_000]], at: 4_000, dead: [] },
    { beats: [['a', 0], ['b', 0]], at: 9_000, dead: ['a', 'b'] },
  ] as { beats: [string, number][]; at: number; dead: string[] }[])('$beats, at $at: dead $dead', ({ beats, at, dead }) => {
    const liveness = new InstanceLiveness(3_000);
    for (const [instance, time] of beats) liveness.heard(instance, time);
    expect(liveness.dead(at)).toEqual(dead);
    expect(liveness.dead(at)).toEqual([]);
  });

  it.each([
    { beats: [], instance: 'a', fresh: true },
    { beats: [['a', 0]], instance: 'a', fresh: false },
    { beats: [['a', 0], ['dead-sweep', 5_000]], instance: 'a', fresh: true },
  ] as { beats: [string, number][]; instance: string; fresh: boolean }[])('a beat from $instance after $beats is fresh: $fresh', ({ beats, instance, fresh }) => {
    const liveness = new InstanceLiveness(3_000);
    for (const [name, time] of beats) {
      if (name === 'dead-sweep') liveness.dead(time);
      else liveness.heard(name, time);
    }
    expect(liveness.heard(instance, 6_000)).toBe(fresh);
  });
});
