import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['one call goes out at once', [0], [[0, 1]]],
    ['a burst: the first at once, the last at the end of the interval', [0, 10, 20, 30], [[0, 1], [50, 4]]],
    ['calls further apart than the interval all go out', [0, 60, 120], [[0, 1], [60, 2], [120, 3]]],
    ['a burst across two intervals sends about one per interval', [0, 20, 40, 60, 80, 100], [[0, 1], [50, 3], [100, 5], [150, 6]]],
  ] as const)('%s', (_name, callTimes, expected) => {
    const sent: [number, number][] = [];
    const start = Date.now();
    const send = throttle((n: number) => sent.push([Date.now() - start, n]), 50);
    let t = 0;
    callTimes.forEach((at, i) => {
      vi.advanceTimersByTime(at - t);
      t = at;
      send(i + 1);
    });
    vi.advanceTimersByTime(200);
    expect(sent).toEqual(expected);
  });

  it('cancel drops what is pending', () => {
    const sent: number[] = [];
    const send = throttle((n: number) => sent.push(n), 50);
    send(1);
    send(2);
    send.cancel();
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1]);
  });
});
