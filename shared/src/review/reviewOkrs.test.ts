import { describe, expect, it } from 'vitest';
import { findingKey } from './finding.ts';
import { ReviewInputError, type ReviewInput } from './input.ts';
import { reviewOkrs } from './reviewOkrs.ts';

const rulesFor = (input: ReviewInput, targetId: string) =>
  reviewOkrs(input)
    .filter((finding) => finding.target.id === targetId)
    .map((finding) => finding.rule);

describe('reviewOkrs input forms', () => {
  it('reviews a draft of an objective title and key-result strings', () => {
    const findings = reviewOkrs({ objective: 'Checkout feels effortless', keyResults: ['Launch the new onboarding flow', 'Checkout conversion rate > 65%'] });
    expect(findings.filter((finding) => finding.target.id === 'kr-1').map((finding) => finding.rule)).toContain('kr-is-initiative');
    expect(findings.filter((finding) => finding.target.id === 'kr-2').map((finding) => finding.rule)).toContain('kr-has-baseline');
  });

  it.each<[string, ReviewInput]>([
    ['the export shape', { objective: 'O', keyResults: [{ id: 'k', title: 'Conversion', metric: { name: 'Conversion', unit: '%' }, baseline: 58, target: 65, deadline: '2026-09-30', owner: { name: 'Ana', email: 'ana@example.com' } }] }],
    ['the record shape', { objective: 'O', keyResults: [{ id: 'k', title: 'Conversion', metricName: 'Conversion', unit: '%', baseline: 58, target: 65, deadline: '2026-09-30', ownerName: 'Ana' }] }],
    ['a deadline in words', { workshop: { cycleStart: '2026-07-01', cycleEnd: '2026-09-30' }, objective: 'O', keyResults: [{ id: 'k', title: 'Conversion', baseline: 58, target: 65, deadline: '30 Sep', owner: 'Ana' }] }],
  ])('reads %s', (_name, input) => {
    expect(rulesFor(input, 'k')).toEqual([]);
  });

  it('lets filled fields win over the words of the title', () => {
    // The title says 3 → 5 (a wrong-way "reduce"); the fields, edited later, say 5 → 3.
    const input: ReviewInput = { objective: 'O', keyResults: [{ id: 'k', title: 'Reduce churn from 3% to 5% by 2026-09-30', baseline: 5, target: 3, owner: 'Ana' }] };
    expect(rulesFor(input, 'k')).not.toContain('kr-direction');
  });

  it('gives findings keys that match board dismissals', () => {
    const [finding] = reviewOkrs({ objective: null });
    expect(finding && findingKey(finding)).toBe('single-objective:board');
  });

  it('names the field when the input has the wrong shape', () => {
    const bad = { objective: 'O', keyResults: ['fine', { id: 'k', title: 'x', baseline: '58%' }] } as unknown as ReviewInput;
    expect(() => reviewOkrs(bad)).toThrow(ReviewInputError);
    expect(() => reviewOkrs(bad)).toThrow(/keyResults\[1\]\.baseline: expected a number, got "58%"/);
  });
});
