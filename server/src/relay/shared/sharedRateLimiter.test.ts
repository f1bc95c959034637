import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { RedisBus } from '../../bus/redisBus.ts';
import { SharedRateLimiter } from './sharedRateLimiter.ts';

/** The two bus calls the limiter makes, over a Map standing in for Redis; `down` makes both reject as a timeout would. */
function fakeBus() {
  const counters = new Map<string, number>();
  const state = { down: false };
  const bus = {
    increment: async (key: string) => {
      if (state.down) throw new Error('redis did not answer within 250 ms');
      counters.set(key, (counters.get(key) ?? 0) + 1);
      return counters.get(key)!;
    },
    counter: async (key: string) => {
      if (state.down) throw new Error('redis did not answer within 250 ms');
      return counters.get(key) ?? 0;
    },
  };
  return { bus: bus as unknown as RedisBus, counters, state };
}

const MINUTE = 60_000;
const T0 = 1_000 * MINUTE + 5_000;

describe('SharedRateLimiter', () => {
  it.each([
    ['within the limit, one window', [T0, T0 + 1, T0 + 2], [true, true, true]],
    ['past the limit in the same window', [T0, T0 + 1, T0 + 2, T0 + 3], [true, true, true, false]],
    ['a new wall-clock window starts afresh', [T0, T0 + 1, T0 + 2, T0 + MINUTE], [true, true, true, true]],
  ] as const)('%s', async (_name, times, expected) => {
    // Two instances' limiters over the same Redis count one address together.
    const { bus } = fakeBus();
    const log = pino({ level: 'silent' });
    const instances = [new SharedRateLimiter(bus, log, 'connections', 3, MINUTE), new SharedRateLimiter(bus, log, 'connections', 3, MINUTE)];
    const results: boolean[] = [];
    for (const [i, now] of times.entries()) results.push(await instances[i % 2]!.take('10.0.0.1', now));
    expect(results).toEqual(expected);
  });

  it('keys counters by limit, window and address', async () => {
    const { bus, counters } = fakeBus();
    const limiter = new SharedRateLimiter(bus, pino({ level: 'silent' }), 'rooms-created', 2, MINUTE);
    await limiter.take('10.0.0.1', T0);
    await limiter.take('10.0.0.2', T0);
    expect([...counters.keys()]).toEqual(['limit:rooms-created:1000:10.0.0.1', 'limit:rooms-created:1000:10.0.0.2']);
    expect(await limiter.exhausted('10.0.0.1', T0)).toBe(false);
    await limiter.take('10.0.0.1', T0);
    expect(await limiter.exhausted('10.0.0.1', T0)).toBe(true);
    expect(limiter.msUntilReset(T0)).toBe(MINUTE - 5_000);
  });

  it('counts alone while Redis does not answer: limited, never unlimited nor refusing all', async () => {
    const { bus, state } = fakeBus();
    const limiter = new SharedRateLimiter(bus, pino({ level: 'silent' }), 'connections', 2, MINUTE);
    state.down = true;
    expect([await limiter.take('10.0.0.1', T0), await limiter.take('10.0.0.1', T0), await limiter.take('10.0.0.1', T0)]).toEqual([true, true, false]);
    expect(await limiter.exhausted('10.0.0.1', T0)).toBe(true);
    state.down = false;
    expect(await limiter.take('10.0.0.1', T0)).toBe(true);
  });
});
