import { hasOwner } from '../workshop/owner.ts';
import { hasAnyNumber, type EffectiveKeyResult } from './effectiveKeyResult.ts';

/*
 * What a key result still lacks, asked once: the Measurable and Time-bound chips, the field rules
 * (kr-has-number, -baseline, -target, -deadline, -owner) and the gate before the Summary all read
 * this, so a card never shows a green check beside a gate that says the field is missing.
 */

export const KEY_RESULT_FIELDS = ['number', 'baseline', 'target', 'deadline', 'owner'] as const;
export type KeyResultField = (typeof KEY_RESULT_FIELDS)[number];

/** "Add a baseline, a target and an owner." */
export const MISSING_FIELD_WORDS: Record<KeyResultField, string> = { number: 'a number', baseline: 'a baseline', target: 'a target', deadline: 'a deadline', owner: 'an owner' };

/** Below this the room does not believe the key result can be reached: SMART's "achievable" (Doran, 1981, wrote "realistic") and the low-confidence finding. */
export const ACHIEVABLE_CONFIDENCE = 0.4;

/**
 * The fields a key result lacks, read from its fields or, where empty, its words. A binary key
 * result needs no number, a milestone no baseline; with a cycle end the cycle end stands in for a
 * deadline, and a date written without a resolvable year still counts as written.
 * `missingFields(effective('Churn from 5% to 3%'), '2026-09-30')` → `['owner']`.
 */
export function missingFields(kr: EffectiveKeyResult, cycleEnd: string | undefined): KeyResultField[] {
  const missing: Record<KeyResultField, boolean> = {
    number: kr.type !== 'binary' && !hasAnyNumber(kr),
    baseline: kr.type !== 'binary' && kr.type !== 'milestone' && kr.baseline === undefined,
    target: kr.type !== 'binary' && kr.target === undefined,
    deadline: !kr.deadline && !kr.mentionsDeadline && !cycleEnd,
    owner: !hasOwner(kr),
  };
  return KEY_RESULT_FIELDS.filter((field) => missing[field]);
}

/** "a baseline, a target and an owner". */
export function listFields(fields: readonly KeyResultField[]): string {
  const words = fields.map((field) => MISSING_FIELD_WORDS[field]);
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
