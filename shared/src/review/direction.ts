import type { KrDirection } from '../schema/index.ts';

export type DirectionConflict = { severity: 'warning' | 'info'; message: string };

/**
 * Whether the direction disagrees with baseline and target, and how: one answer for the
 * kr-direction finding, the Measurable chip and the direction a title suggests.
 * `directionConflict('increase', 5, 3)` → a warning; `('at-least', 58, 65)` → an info (really an increase).
 */
export function directionConflict(direction: KrDirection | undefined, baseline: number | undefined, target: number | undefined): DirectionConflict | undefined {
  if (direction === undefined || baseline === undefined || target === undefined) return undefined;
  const numbers = `baseline ${baseline}, target ${target}`;
  if (direction === 'increase' && target <= baseline) return { severity: 'warning', message: `says increase but the target is not above the baseline (${numbers}) — swap them or change the direction.` };
  if (direction === 'decrease' && target >= baseline) return { severity: 'warning', message: `says decrease but the target is not below the baseline (${numbers}) — swap them or change the direction.` };
  if (direction === 'at-least' && baseline < target) return { severity: 'info', message: `says stay at or above, yet starts below the target (${numbers}) — that is an increase; consider that direction.` };
  if (direction === 'at-most' && baseline > target) return { severity: 'info', message: `says stay at or below, yet starts above the target (${numbers}) — that is a decrease; consider that direction.` };
  return undefined;
}

/**
 * The direction words imply, given where the metric starts: "> 65%" from 58% is an increase, not a
 * floor already held, so a suggestion never offers what kr-direction would then question.
 */
export function directionFromWords(words: KrDirection | undefined, baseline: number | undefined, target: number | undefined): KrDirection | undefined {
  if (baseline === undefined || target === undefined) return words;
  if (words === 'at-least' && baseline < target) return 'increase';
  if (words === 'at-most' && baseline > target) return 'decrease';
  return words;
}
