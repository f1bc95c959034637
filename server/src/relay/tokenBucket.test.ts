import { describe, expect, it } from 'vitest';
import { TokenBucket, type TokenBucketOptions } from './tokenBucket.ts';

/** A second's worth of 1,000 at once, refilled at 1,000 a second. */
const perSecond = (charging: TokenBucketOptions['charging']): TokenBucketOptions => ({ capacity: 1_000, refill: 1_000, everyMs: 1_000, charging });

describe('TokenBucket', () => {
  // Each row: takes as [cost, at ms] in order from a bucket made at 0, and each answer (0 taken, else ms to wait).
  const table: { name: string; options: TokenBucketOptions; takes: [number, number][]; answers: number[] }[] = [
    // prepaid: the edit budget (bytes per minute), the presence budget (bytes per second) and sync requests.
    { name: 'prepaid: a full bucket goes at once, then the refill rate', options: perSecond('prepaid'), takes: [[600, 0], [400, 0], [500, 0], [500, 500]], answers: [0, 0, 500, 0] },
    { name: 'prepaid: an empty bucket refuses even a small take', options: perSecond('prepaid'), takes: [[1_000, 0], [10, 0], [10, 9], [10, 10]], answers: [0, 10, 1, 0] },
    { name: 'prepaid: a refused take charges nothing', options: perSecond('prepaid'), takes: [[900, 0], [200, 0], [100, 0]], answers: [0, 100, 0] },
    { name: 'prepaid: a take bigger than the bucket goes once it is full, charged as a full bucket', options: perSecond('prepaid'), takes: [[5_000, 0], [5_000, 0], [5_000, 1_000], [1, 1_000]], answers: [0, 1_000, 0, 1] },
    { name: 'prepaid: an idle bucket holds at most its capacity', options: perSecond('prepaid'), takes: [[1, 0], [1_000, 60_000], [1, 60_000]], answers: [0, 0, 1] },
    {
      name: 'prepaid per minute: 60 takes of 1,000 from 60,000 a minute, the 61st waits a second',
      options: { capacity: 60_000, refill: 60_000, everyMs: 60_000, charging: 'prepaid' },
      takes: [...Array.from({ length: 60 }, (): [number, number] => [1_000, 0]), [1_000, 999], [1_000, 1_000]],
      answers: [...Array<number>(60).fill(0), 1, 0],
    },
    {
      name: 'prepaid, a burst of 10 then one a second (sync requests)',
      options: { capacity: 10, refill: 1, everyMs: 1_000, charging: 'prepaid' },
      takes: [...Array.from({ length: 10 }, (): [number, number] => [1, 0]), [1, 0], [1, 500], [1, 1_000], [1, 1_000]],
      answers: [...Array<number>(10).fill(0), 1_000, 500, 0, 1_000],
    },
    // onCredit: the presence bus, per room.
    { name: 'onCredit: a second’s worth goes at once', options: perSecond('onCredit'), takes: [[400, 0], [600, 0]], answers: [0, 0] },
    { name: 'onCredit: an empty bucket is not in debt, so one more take goes', options: perSecond('onCredit'), takes: [[1_000, 0], [10, 0], [10, 0]], answers: [0, 0, 10] },
    { name: 'onCredit: a take bigger than the bucket goes in full and leaves a debt', options: perSecond('onCredit'), takes: [[3_000, 0], [10, 0], [10, 1_999], [10, 2_000]], answers: [0, 2_000, 1, 0] },
    { name: 'onCredit: the refill is continuous', options: perSecond('onCredit'), takes: [[1_000, 0], [10, 0], [10, 0], [10, 250]], answers: [0, 0, 10, 0] },
    { name: 'onCredit: an idle bucket holds at most its capacity', options: perSecond('onCredit'), takes: [[1, 0], [1_000, 60_000], [1, 60_000], [1, 60_000]], answers: [0, 0, 0, 1] },
  ];
  it.each(table)('$name', ({ options, takes, answers }) => {
    const bucket = new TokenBucket(options, 0);
    expect(takes.map(([cost, at]) => bucket.take(cost, at))).toEqual(answers);
  });

  // Each row: a flood of `cost` offered every 10 ms for 10 s; any window of t seconds carries at most `bound(t)`.
  const floods: { charging: TokenBucketOptions['charging']; cost: number; bound: (seconds: number) => number }[] = [
    { charging: 'onCredit', cost: 700, bound: (t) => 1_000 * (t + 1) + 700 },
    { charging: 'prepaid', cost: 700, bound: (t) => 1_000 * (t + 1) },
    // prepaid charges an oversized take as a full bucket: it is the count of takes that is bounded, one per second.
    { charging: 'prepaid', cost: 3_000, bound: (t) => 3_000 * (t + 1) },
  ];
  it.each(floods)('$charging keeps a flood of $cost within its bound in every window', ({ charging, cost, bound }) => {
    const bucket = new TokenBucket(perSecond(charging), 0);
    const sent: number[] = [];
    for (let at = 0; at < 10_000; at += 10) if (bucket.take(cost, at) === 0) sent.push(at);
    for (let from = 0; from < 10_000; from += 500) {
      for (let to = from + 500; to <= 10_000; to += 500) {
        const bytes = sent.filter((at) => at >= from && at < to).length * cost;
        expect(bytes).toBeLessThanOrEqual(bound((to - from) / 1000));
      }
    }
    expect(sent.length).toBeGreaterThan(3);
  });
});
