import { describe, expect, it } from 'vitest';
import { taskLikeKeyResults } from './initiativeHints.ts';

describe('taskLikeKeyResults', () => {
  it.each([
    ['an output verb with no number', 'Build a cart reminder tool', undefined, true],
    ['launch, another output verb', 'Launch the new onboarding flow', undefined, true],
    ['a measured outcome', 'Checkout conversion from 58% to 65% by 30 Sep', undefined, false],
    ['an outcome without numbers yet', 'Fewer abandoned carts', undefined, false],
    ['an output verb that carries a baseline and a target', 'Ship checkout speed from 4.1s to 2.0s', undefined, false],
    ['a milestone', 'Payment provider contract signed', 'milestone', true],
  ] as const)('%s', (_name, title, type, flagged) => {
    const found = taskLikeKeyResults('Checkout feels effortless', [{ id: 'k1', title, type }], new Set());
    expect(found.has('k1')).toBe(flagged);
    if (flagged) expect(found.get('k1')?.message).toMatch(/initiative/);
  });

  it.each([
    ['with THE objective', 'Checkout feels effortless'],
    ['before an objective is confirmed', undefined],
  ])('works %s', (_name, objective) => {
    expect([...taskLikeKeyResults(objective, [{ id: 'k1', title: 'Build a cart reminder tool' }, { id: 'k2', title: 'NPS from 31 to 40' }], new Set()).keys()]).toEqual(['k1']);
  });

  it('leaves out a finding the team chose to keep', () => {
    expect(taskLikeKeyResults(undefined, [{ id: 'k1', title: 'Build a cart reminder tool' }], new Set(['kr-is-initiative:k1'])).size).toBe(0);
  });

  it('says nothing about no key results', () => {
    expect(taskLikeKeyResults('Checkout feels effortless', [], new Set()).size).toBe(0);
  });
});
