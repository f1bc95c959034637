import { describe, expect, it } from 'vitest';
import { PresenceBudget } from './presenceBudget.ts';

describe('PresenceBudget', () => {
  // 1,000 bytes a second: a second's worth goes at once, then the refill rate.
  const cases: { name: string; takes: [sender: string, bytes: number, at: number][]; waits: number[] }[] = [
    { name: 'an honest cursor (100 bytes, 20 a second) is never held', takes: Array.from({ length: 40 }, (_, i) => ['ana', 40, i * 50] as [string, number, number]), waits: Array(40).fill(0) },
    { name: 'a burst of a second’s worth passes, the next state waits for the refill', takes: [['ana', 600, 0], ['ana', 400, 0], ['ana', 500, 0], ['ana', 500, 500]], waits: [0, 0, 500, 0] },
    { name: 'each sender has a budget of its own', takes: [['ana', 1000, 0], ['ben', 1000, 0], ['ana', 10, 0]], waits: [0, 0, 10] },
    { name: 'a state bigger than a second’s worth goes once the bucket is full', takes: [['ana', 5000, 0], ['ana', 5000, 0], ['ana', 5000, 1000]], waits: [0, 1000, 0] },
  ];
  it.each(cases)('$name', ({ takes, waits }) => {
    const budget = new PresenceBudget<string>(1000);
    expect(takes.map(([sender, bytes, at]) => budget.take(sender, bytes, at))).toEqual(waits);
  });

  it('forgets a sender that left: one who comes back starts with a full bucket', () => {
    const budget = new PresenceBudget<string>(1000);
    expect(budget.take('ana', 1000, 0)).toBe(0);
    expect(budget.take('ana', 1000, 0)).toBe(1000);
    budget.forget('ana');
    expect(budget.take('ana', 1000, 0)).toBe(0);
  });
});
