import { describe, expect, it } from 'vitest';
import type { ReviewKeyResultInput } from './input.ts';
import { smartChecks, type SmartContext, type SmartLetter } from './smart.ts';

const CONTEXT: SmartContext = { cycle: { start: '2026-07-01', end: '2026-09-30' }, objective: { contextIds: ['ctx-1'] } };
const FULL: ReviewKeyResultInput = { title: 'Checkout conversion rate from 58% to 65% by 30 Sep', confidence: 0.6 };

describe('smartChecks', () => {
  it('passes every letter for a complete key result, with reasons', () => {
    const result = smartChecks(FULL, CONTEXT);
    expect(result).toEqual({
      S: { pass: true, reason: 'Names the metric "Checkout conversion rate".' },
      M: { pass: true, reason: 'From 58% to 65%.' },
      A: { pass: true, reason: 'Confidence 3 / 5.' },
      R: { pass: true, reason: 'Serves the objective, which links 1 context item.' },
      T: { pass: true, reason: 'Due 2026-09-30.' },
    });
  });

  it.each<[SmartLetter, string, ReviewKeyResultInput, SmartContext, RegExp]>([
    ['S', 'no metric named', { title: 'Improve onboarding', confidence: 0.6 }, CONTEXT, /Name the metric/],
    ['S', 'a bare generic metric', { title: 'Revenue from 1m to 1.2m by 30 Sep' }, CONTEXT, /broad/],
    ['M', 'no baseline or target', { title: 'Checkout conversion rate by 30 Sep', metricName: 'Checkout conversion rate' }, CONTEXT, /Add a number, a baseline, a target/],
    ['M', 'a target without a baseline', { title: 'Checkout conversion rate > 65%' }, CONTEXT, /Add a baseline\./],
    ['A', 'no confidence vote yet', { ...FULL, confidence: undefined }, CONTEXT, /No confidence yet/],
    ['A', 'confidence below 2 of 5 fingers', { ...FULL, confidence: 0.3 }, CONTEXT, /Confidence 1.5 \/ 5 — below about 2 \/ 5/],
    ['R', 'no objective confirmed', FULL, { ...CONTEXT, objective: null }, /No objective/],
    ['R', 'an objective without context links', FULL, { ...CONTEXT, objective: { contextIds: [] } }, /not linked/],
    ['T', 'no deadline and no cycle', { title: 'Churn from 5% to 3%' }, { objective: CONTEXT.objective }, /Add a deadline/],
    ['T', 'a deadline outside the cycle', { ...FULL, deadline: '2026-10-15' }, CONTEXT, /outside the cycle/],
    ['T', 'a date with no year to place it in', FULL, { objective: CONTEXT.objective }, /no year/],
  ])('fails %s on %s', (letter, _case, kr, context, reason) => {
    const check = smartChecks(kr, context)[letter];
    expect(check.pass).toBe(false);
    expect(check.reason).toMatch(reason);
  });

  it.each<[SmartLetter, string, ReviewKeyResultInput, SmartContext]>([
    ['M', 'a binary key result', { title: 'SOC 2 audit passed', type: 'binary' }, CONTEXT],
    ['M', 'structured fields over words', { title: 'Checkout conversion', baseline: 58, target: 65 }, CONTEXT],
    ['T', 'no own deadline inside a cycle (the cycle end stands in)', { title: 'Churn from 5% to 3%' }, CONTEXT],
    ['T', 'a year given for dates without one', FULL, { year: 2026 }],
  ])('passes %s on %s', (letter, _case, kr, context) => {
    expect(smartChecks(kr, context)[letter].pass).toBe(true);
  });
});
