import { describe, expect, it } from 'vitest';
import { BusBudget } from './busBudget.ts';

describe('BusBudget', () => {
  // Each row: messages as [bytes, at ms] taken in order from a 1,000 B/s budget made at 0, and each answer (0 sent, else ms to wait).
  const table: { name: string; takes: [number, number][]; answers: number[] }[] = [
    { name: 'a second’s worth goes at once', takes: [[400, 0], [600, 0]], answers: [0, 0] },
    { name: 'an empty bucket is not in debt: one more message goes', takes: [[1_000, 0], [10, 0], [10, 0]], answers: [0, 0, 10] },
    { name: 'a message bigger than the bucket goes in full and leaves a debt', takes: [[3_000, 0], [10, 0], [10, 1_999], [10, 2_000]], answers: [0, 2_000, 1, 0] },
    { name: 'the refill is continuous', takes: [[1_000, 0], [10, 0], [10, 0], [10, 250]], answers: [0, 0, 10, 0] },
    { name: 'an idle bucket holds at most a second’s worth', takes: [[1, 0], [1_000, 60_000], [1, 60_000], [1, 60_000]], answers: [0, 0, 0, 1] },
  ];
  it.each(table)('$name', ({ takes, answers }) => {
    const budget = new BusBudget(1_000, 0);
    expect(takes.map(([bytes, at]) => budget.take(bytes, at))).toEqual(answers);
  });

  it('keeps any window of t seconds within bytesPerSecond × (t + 1) plus one message', () => {
    const budget = new BusBudget(1_000, 0);
    const sent: [number, number][] = [];
    // A flood of 700-byte messages offered every 10 ms for 10 s.
    for (let at = 0; at < 10_000; at += 10) if (budget.take(700, at) === 0) sent.push([at, 700]);
    for (let from = 0; from < 10_000; from += 500) {
      for (let to = from + 500; to <= 10_000; to += 500) {
        const bytes = sent.filter(([at]) => at >= from && at < to).reduce((sum, [, b]) => sum + b, 0);
        expect(bytes).toBeLessThanOrEqual(1_000 * ((to - from) / 1000 + 1) + 700);
      }
    }
    expect(sent.length).toBeGreaterThan(10);
  });
});
