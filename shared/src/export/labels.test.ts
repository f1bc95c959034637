import { describe, expect, it } from 'vitest';
import { CHECK_IN_CADENCES } from '../schema/index.ts';
import { CHECK_IN_CADENCE_LABELS, CHECK_IN_PHRASES, confidenceLabel, levelsPhrase, quote, type Levels } from './labels.ts';

describe('levelsPhrase', () => {
  it.each([
    ['baseline and target', { baseline: 58, target: 65, unit: '%' }, '58% → 65%'],
    ['an export\'s nulls', { baseline: 8.2, target: 8, unit: null, direction: 'at-least' }, '8.2 → 8'],
    ['a floor to hold', { target: 8, direction: 'at-least' }, 'at least 8'],
    ['a ceiling to hold', { target: 2, unit: 's', direction: 'at-most' }, 'at most 2 s'],
    ['a target alone', { baseline: null, target: 1500000, unit: '$', direction: 'increase' }, 'target $1,500,000'],
    ['a baseline alone', { baseline: -5 }, 'from -5'],
    ['nothing yet', {}, undefined],
  ] as [string, Levels, string | undefined][])('%s', (_name, levels, phrase) => {
    expect(levelsPhrase(levels)).toBe(phrase);
  });
});

describe('check-in cadence', () => {
  it.each([
    ['weekly', 'Weekly', 'Weekly check-ins'],
    ['biweekly', 'Every two weeks', 'Check-ins every two weeks'],
    ['monthly', 'Monthly', 'Monthly check-ins'],
  ] as const)('%s reads "%s" on the board and "%s" in a sentence', (cadence, label, phrase) => {
    expect([CHECK_IN_CADENCE_LABELS[cadence], CHECK_IN_PHRASES[cadence]]).toEqual([label, phrase]);
  });

  it('names every cadence the schema allows', () => {
    expect(Object.keys(CHECK_IN_PHRASES).sort()).toEqual([...CHECK_IN_CADENCES].sort());
  });
});

describe('quote', () => {
  it.each([
    ['one line', 'Churn  from\n5% to 3%', '"Churn from 5% to 3%"'],
    ['cut at 60 characters', 'x'.repeat(61), `"${'x'.repeat(59)}…"`],
  ])('%s', (_name, text, quoted) => {
    expect(quote(text)).toBe(quoted);
  });
});

describe('confidenceLabel', () => {
  it.each([
    ['votes of 3 and 4 (the kept 0.7)', 0.7, '3.5 / 5'],
    ['a whole number of fingers', 0.6, '3 / 5'],
    ['nobody believes it', 0, '0 / 5'],
    ['certain', 1, '5 / 5'],
    ['an average of 3, 4 and 4 kept to two decimals', 0.73, '3.7 / 5'],
  ])('%s reads %s as "%s"', (_name, value, label) => {
    expect(confidenceLabel(value)).toBe(label);
  });
});
