import { describe, expect, it } from 'vitest';
import { parseKeyResultText, type ParsedKeyResult } from './parseKeyResultText.ts';

const Q3_2026 = { cycleStart: '2026-07-01', cycleEnd: '2026-09-30' };

describe('parseKeyResultText', () => {
  it.each<[string, Omit<ParsedKeyResult, 'numbers' | 'deadlineText'>]>([
    [
      'Checkout conversion rate from 58% to 65% by 30 Sep',
      { metricName: 'Checkout conversion rate', baseline: 58, target: 65, unit: '%', direction: 'increase', deadline: '2026-09-30' },
    ],
    ['Checkout conversion rate 58% → 65% by Sep 30', { metricName: 'Checkout conversion rate', baseline: 58, target: 65, unit: '%', direction: 'increase', deadline: '2026-09-30' }],
    ['Checkout conversion rate 58% -> 65%', { metricName: 'Checkout conversion rate', baseline: 58, target: 65, unit: '%', direction: 'increase' }],
    ['Checkout conversion rate > 65%', { metricName: 'Checkout conversion rate', target: 65, unit: '%', direction: 'at-least' }],
    ['Avg. customer satisfaction score > 8', { metricName: 'Avg. customer satisfaction score', target: 8, direction: 'at-least' }],
    ['NPS at least 40', { metricName: 'NPS', target: 40, direction: 'at-least' }],
    ['Reduce churn from 5% to 3%', { metricName: 'churn', baseline: 5, target: 3, unit: '%', direction: 'decrease' }],
    ['Reduce churn below 3% by end of September', { metricName: 'churn', target: 3, unit: '%', direction: 'decrease', deadline: '2026-09-30' }],
    ['Keep p95 latency below 300ms', { metricName: 'p95 latency', target: 300, unit: 'ms', direction: 'at-most' }],
    ['Increase weekly active users from 1,200 to 2,000', { metricName: 'weekly active users', baseline: 1200, target: 2000, direction: 'increase' }],
    ['Grow ARR from $1.2m to $1.5m by end of Q3', { metricName: 'ARR', baseline: 1_200_000, target: 1_500_000, unit: '$', direction: 'increase', deadline: '2026-09-30' }],
    ['Revenue from EUR 200k to EUR 300k', { metricName: 'Revenue', baseline: 200_000, target: 300_000, unit: 'EUR', direction: 'increase' }],
    ['Reach 2,000 weekly active users by 2026-09-15', { metricName: 'weekly active users', target: 2000, deadline: '2026-09-15' }],
    ['By 30 Sep, reach 2k paying customers', { metricName: 'paying customers', target: 2000, deadline: '2026-09-30' }],
    ['Reduce page load time from 3.2s to 1.5s by 15/09/2026', { metricName: 'page load time', baseline: 3.2, target: 1.5, unit: 's', direction: 'decrease', deadline: '2026-09-15' }],
    // A change is not a level: "by 20%" leaves the target open.
    ['Increase revenue by 20% in Q3', { metricName: 'revenue', unit: '%', direction: 'increase', deadline: '2026-09-30' }],
    ['Launch the new onboarding flow by 30 Sep', { deadline: '2026-09-30' }],
    ['Make 50 sales calls per week', { metricName: 'sales calls per week', target: 50 }],
    ['Increase checkout conversion to 65% by cutting steps', { metricName: 'checkout conversion', target: 65, unit: '%', direction: 'increase' }],
  ])('reads %j', (text, expected) => {
    const { numbers: _numbers, deadlineText: _deadlineText, ...fields } = parseKeyResultText(text, Q3_2026);
    expect(fields).toEqual(expected);
  });

  it.each<[string, number[]]>([
    ['Launch the new onboarding flow by 30 Sep', []],
    ['Launch 3 campaigns in Q3', [3]],
    ['Release cadence from 2 to 6 per month', [2, 6]],
    ['Support 24/7 for 5-10 markets', [24, 7, 5, 10]],
    ['Cut refunds to -5% of orders', [-5]],
  ])('counts the numbers outside dates in %j', (text, numbers) => {
    expect(parseKeyResultText(text, Q3_2026).numbers).toEqual(numbers);
  });

  it.each<[string, { cycleStart?: string; cycleEnd?: string; year?: number }, string | undefined]>([
    ['NPS 40 by 31 January', { cycleStart: '2026-11-01', cycleEnd: '2027-01-31' }, '2027-01-31'],
    ['NPS 40 by 30 Nov', { cycleStart: '2026-11-01', cycleEnd: '2027-01-31' }, '2026-11-30'],
    ['NPS 40 by Sep 30', { year: 2025 }, '2025-09-30'],
    ['NPS 40 by September 30, 2027', Q3_2026, '2027-09-30'],
    ['NPS 40 by 30th of September 2026', {}, '2026-09-30'],
    ['NPS 40 by end of Q3 2027', Q3_2026, '2027-09-30'],
    ["NPS 40 by Q4'26", {}, '2026-12-31'],
    ['NPS 40 by end of H1', { year: 2026 }, '2026-06-30'],
    ['NPS 40 by end of cycle', Q3_2026, '2026-09-30'],
    ['NPS 40 by Sep 2026', {}, '2026-09-30'],
    ['NPS 40 by 31/08/2026', {}, '2026-08-31'],
    // Without a cycle or year, "30 Sep" is a deadline whose year is unknown.
    ['NPS 40 by 30 Sep', {}, undefined],
    // 03/04 could be either order: not guessed.
    ['NPS 40 by 03/04/2026', {}, undefined],
  ])('resolves the deadline in %j', (text, context, deadline) => {
    const parsed = parseKeyResultText(text, context);
    expect(parsed.deadline).toBe(deadline);
    expect(parsed.deadlineText).toBeDefined();
    expect(parsed.numbers).toEqual([40]);
  });

  it('ignores a day that does not exist', () => {
    expect(parseKeyResultText('NPS 40 by 31 Feb', Q3_2026).deadlineText).toBeUndefined();
  });

  it('reads no metric from words without a number', () => {
    expect(parseKeyResultText('Improve onboarding').metricName).toBeUndefined();
  });
});
