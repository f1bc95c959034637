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

  // One row per family of deadline: must-fire rows resolve a date, must-not-fire rows find none.
  const FY27_JULY = { cycleStart: '2026-07-01', cycleEnd: '2026-09-30', cycleLabel: 'Q1 FY27' };
  it.each<[string, string, { cycleStart?: string; cycleEnd?: string; cycleLabel?: string; year?: number }, string | undefined]>([
    ['a month alone', 'NPS 40 by September', Q3_2026, '2026-09-30'],
    ['a month alone after "in"', 'NPS 40 in August', Q3_2026, '2026-08-31'],
    ['a month alone after "before"', 'NPS 40 before September', Q3_2026, '2026-08-31'],
    ['early in a month', 'NPS 40 by early September', Q3_2026, '2026-09-10'],
    ['the middle of a month', 'NPS 40 by mid-August', Q3_2026, '2026-08-15'],
    ['the end of a month', 'NPS 40 by the end of August', Q3_2026, '2026-08-31'],
    ['a month alone with a year from options', 'NPS 40 by April', { year: 2027 }, '2027-04-30'],
    ['a month alone without a year', 'NPS 40 by April', {}, undefined],
    ['day/month without a year', 'NPS 40 by 15/09', Q3_2026, '2026-09-15'],
    ['month/day without a year', 'NPS 40 by 09/15', Q3_2026, '2026-09-15'],
    ['ambiguous day/month read by the cycle', 'NPS 40 by 03/08', Q3_2026, '2026-08-03'],
    ['ambiguous month/day read by the cycle', 'NPS 40 by 08/03', Q3_2026, '2026-08-03'],
    ['ambiguous with its year read by the cycle', 'NPS 40 by 03/08/2026', Q3_2026, '2026-08-03'],
    ['ambiguous with both readings outside the cycle', 'NPS 40 by 03/04', Q3_2026, undefined],
    ['ISO', 'NPS 40 by 2027-03-31', Q3_2026, '2027-03-31'],
    ['ISO with slashes', 'NPS 40 by 2026/09/15', Q3_2026, '2026-09-15'],
    ['within weeks in words', 'NPS 40 within six weeks', Q3_2026, '2026-08-11'],
    ['within days', 'NPS 40 within 90 days', Q3_2026, '2026-09-28'],
    ['in the next months', 'NPS 40 in the next three months', Q3_2026, '2026-09-30'],
    ['a relative period without a cycle', 'NPS 40 within six weeks', { year: 2026 }, undefined],
    ['a week of the cycle', 'NPS 40 by week 6', Q3_2026, '2026-08-11'],
    ['the end of a week of the cycle', 'NPS 40 by the end of week six', Q3_2026, '2026-08-11'],
    ['the end of a half', 'NPS 40 by the end of H2', { year: 2026 }, '2026-12-31'],
    ['in a quarter', 'NPS 40 in Q4', { year: 2026 }, '2026-12-31'],
    ['a fiscal year (the calendar year by default)', 'NPS 40 by FY27', Q3_2026, '2027-12-31'],
    ['a four-digit fiscal year', 'NPS 40 in FY2027', {}, '2027-12-31'],
    ['a fiscal year from a cycle labelled with one', 'NPS 40 by the end of FY27', FY27_JULY, '2027-06-30'],
    ['a fiscal quarter from a cycle labelled with one', 'NPS 40 by Q1 FY27', FY27_JULY, '2026-09-30'],
  ])('reads %s: %j', (_family, text, context, deadline) => {
    const parsed = parseKeyResultText(text, context);
    expect(parsed.deadline).toBe(deadline);
    expect(parsed.deadlineText).toBeDefined();
    expect(parsed.numbers).toEqual([40]);
  });

  it.each<[string, string, number[]]>([
    ['"may" as a verb', 'Churn may fall below 3% on its own', [3]],
    ['a month inside a name', 'Sign-ups from the March campaign above 500', [500]],
    ['round-the-clock support', 'Support 24/7 for 5 markets', [24, 7, 5]],
    ['a fraction', 'Cut refunds by 1/2 of 10 markets', [1, 2, 10]],
    ['a share', 'Reach 3/4 of customers in 10 markets', [3, 4, 10]],
    ['a decimal', 'Grow revenue by 1.5 to 3', [1.5, 3]],
    ['a service level in days', 'Answer 90% of tickets within 2 days', [90, 2]],
    ['a service level in hours', 'Answer 90% of tickets within 24 hours', [90, 24]],
    ['a window after an event', 'Activate 40% of new users within 30 days of sign-up', [40, 30]],
    ['a cohort week', 'Week 6 retention from 20% to 30%', [6, 20, 30]],
    ['a cohort week after "at"', 'Retention at week 6 from 20% to 30%', [6, 20, 30]],
    ['a half-year that is no half', 'Reach H3 with 5 pilots', [5]],
  ])('reads no deadline in %s: %j', (_case, text, numbers) => {
    const parsed = parseKeyResultText(text, Q3_2026);
    expect(parsed.deadlineText).toBeUndefined();
    expect(parsed.numbers).toEqual(numbers);
  });

  it('ignores a day that does not exist', () => {
    expect(parseKeyResultText('NPS 40 by 31 Feb', Q3_2026).deadlineText).toBeUndefined();
  });

  it.each<[string, string | undefined]>([
    ['Recruit 2 payment engineers by 31 Aug', 'payment engineers'],
    ['Translate checkout into 4 languages', 'checkout into'],
    ['Upgraded the payment library to version 3', 'payment library to version'],
    ['Training completion rate above 90%', 'Training completion rate'],
    ['Add-on revenue above $50k', 'Add-on revenue'],
  ])('names the metric after an output verb, and only a verb, in %j', (text, metricName) => {
    expect(parseKeyResultText(text, Q3_2026).metricName).toBe(metricName);
  });

  it.each<[string, Omit<ParsedKeyResult, 'deadlineText'>]>([
    ['Triple weekly active users from 1,200 by 30 Sep', { metricName: 'weekly active users', baseline: 1200, target: 3600, direction: 'increase', deadline: '2026-09-30', factor: 3, numbers: [3, 1200] }],
    ['Quadruple paying customers from 50', { metricName: 'paying customers', baseline: 50, target: 200, direction: 'increase', factor: 4, numbers: [4, 50] }],
    ['Grow self-serve revenue ten-fold', { metricName: 'self-serve revenue', direction: 'increase', factor: 10, numbers: [10] }],
    ['Grow self-serve revenue 10-fold', { metricName: 'self-serve revenue', direction: 'increase', factor: 10, numbers: [10] }],
    ['Support tickets from 400 a quarter fewer', { metricName: 'Support tickets', baseline: 400, target: 300, direction: 'decrease', factor: 0.75, numbers: [400, 0.75] }],
    ['Cut refund rate from 6% by a third', { metricName: 'refund rate', baseline: 6, target: 4, unit: '%', direction: 'decrease', factor: 1 - 1 / 3, numbers: [6, 1 - 1 / 3] }],
    ['Cut onboarding time in half', { metricName: 'onboarding time', direction: 'decrease', factor: 0.5, numbers: [0.5] }],
    ['Halve checkout errors', { metricName: 'checkout errors', direction: 'decrease', factor: 0.5, numbers: [0.5] }],
    ['Twice as many repeat buyers', { metricName: 'repeat buyers', direction: 'increase', factor: 2, numbers: [2] }],
  ])('reads a target written as words in %j', (text, expected) => {
    const { deadlineText: _deadlineText, ...fields } = parseKeyResultText(text, Q3_2026);
    expect(fields).toEqual(expected);
  });

  it.each<[string, number[]]>([
    ['Double-check 20 invoices per week', [20]],
    ['Triple-A rating kept for 4 quarters', [4]],
    ['Post twice a week on 3 channels', [3]],
    ['Reach a quarter of customers in 10 markets', [10]],
    ['Sign-ups from 300 each quarter', [300]],
    ['Half of users finish onboarding in 5 minutes', [5]],
  ])('reads no multiple in %j', (text, numbers) => {
    const parsed = parseKeyResultText(text, Q3_2026);
    expect(parsed.factor).toBeUndefined();
    expect(parsed.numbers).toEqual(numbers);
  });

  it('reads no metric from words without a number', () => {
    expect(parseKeyResultText('Improve onboarding').metricName).toBeUndefined();
  });
});
