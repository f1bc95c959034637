import { describe, expect, it } from 'vitest';
import type { KeyResult } from '@okr/shared/schema';
import { titleSuggestions } from './suggestions.ts';

const CYCLE = { cycleStart: '2026-07-01', cycleEnd: '2026-09-30' };
const kr = (title: string, fields: Partial<KeyResult> = {}): KeyResult => ({ id: 'kr-1', title, order: 1, ...fields });

describe('titleSuggestions', () => {
  it.each<[string, KeyResult, [string, Partial<KeyResult>][]]>([
    [
      'offers every field a full sentence holds, then all at once',
      kr('Checkout conversion rate from 58% to 65% by 30 Sep'),
      [
        ['Use metric “Checkout conversion rate” from the title', { metricName: 'Checkout conversion rate' }],
        ['Use 58% → 65% (increase) from the title', { baseline: 58, target: 65, unit: '%', direction: 'increase' }],
        ['Use deadline 2026-09-30 from the title', { deadline: '2026-09-30' }],
        [
          'Use all of these',
          { metricName: 'Checkout conversion rate', baseline: 58, target: 65, unit: '%', direction: 'increase', deadline: '2026-09-30' },
        ],
      ],
    ],
    [
      'offers only what the card lacks',
      kr('Checkout conversion rate from 58% to 65% by 30 Sep', { metricName: 'Conversion', baseline: 58, unit: '%', direction: 'increase', deadline: '2026-09-15' }),
      [['Use target 65% from the title', { target: 65 }]],
    ],
    ['offers nothing once the fields are filled', kr('Churn from 5% to 3%', { metricName: 'Churn', baseline: 5, target: 3 }), []],
    ['offers nothing for words alone', kr('Improve onboarding'), []],
    [
      'keeps the card\'s unit when the title has none',
      kr('Reach 2,000 weekly users', { metricName: 'Weekly users', unit: 'users' }),
      [['Use target 2,000 users from the title', { target: 2000 }]],
    ],
    // Issue 15: the suggestion set "stay at or above" and kr-direction then questioned it.
    [
      '"> 65%" on a card starting at 58% suggests an increase, not a floor',
      kr('Checkout conversion rate > 65%', { metricName: 'Checkout conversion rate', baseline: 58 }),
      [['Use target 65% (increase) from the title', { target: 65, unit: '%', direction: 'increase' }]],
    ],
    [
      '"> 65%" with no baseline yet stays a floor',
      kr('Checkout conversion rate > 65%', { metricName: 'Checkout conversion rate' }),
      [['Use target 65% (stay at or above) from the title', { target: 65, unit: '%', direction: 'at-least' }]],
    ],
  ])('%s', (_name, card, expected) => {
    expect(titleSuggestions(card, CYCLE).map((s) => [s.label, s.patch])).toEqual(expected);
  });
});
