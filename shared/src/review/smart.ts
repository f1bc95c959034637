import { confidenceLabel } from '../export/labels.ts';
import { directionConflict } from './direction.ts';
import { effectiveKeyResult, type EffectiveKeyResult } from './effectiveKeyResult.ts';
import { ACHIEVABLE_CONFIDENCE, MISSING_FIELD_WORDS, missingFields } from './keyResultGaps.ts';
import { normalizeReviewInput, type ReviewKeyResultInput } from './input.ts';
import { dateContextFor } from './context.ts';
import { formatQuantity } from './text/formatQuantity.ts';
import { GENERIC_METRICS } from './text/wordLists.ts';

export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];
export const SMART_LABELS: Record<SmartLetter, string> = {
  S: 'Specific',
  M: 'Measurable',
  A: 'Achievable',
  R: 'Relevant',
  T: 'Time-bound',
};

export interface SmartCheck {
  pass: boolean;
  /** Not failed, not passed either: waiting on the room (no confidence vote kept yet). */
  pending?: true;
  /** One line the refine step shows beside the letter. */
  reason: string;
}
export type SmartResult = Record<SmartLetter, SmartCheck>;

export interface SmartContext {
  /** `label` ("Q1 FY27") tells the reader a fiscal calendar that differs from the calendar year. */
  cycle?: { start?: string | null; end?: string | null; label?: string | null } | null;
  /** THE objective, for "Relevant"; `null` while none is confirmed. */
  objective?: { contextIds?: readonly string[] | null } | null;
  /** Year for dates written without one when there is no cycle. */
  year?: number;
}

/**
 * S/M/A/R/T as pass-or-fail with a reason, for one key result card or draft.
 * `smartChecks('Churn from 5% to 3% by 30 Sep', { cycle: { start: '2026-07-01', end: '2026-09-30' } }).M`
 * → `{ pass: true, reason: 'From 5% to 3%.' }`.
 */
export function smartChecks(input: ReviewKeyResultInput, context: SmartContext = {}): SmartResult {
  const model = normalizeReviewInput({ keyResults: [input], workshop: { cycle: context.cycle ?? null } });
  const dates = dateContextFor(model.cycle, context.year);
  const kr = model.keyResults.map((normalized) => effectiveKeyResult(normalized, dates))[0];
  if (!kr) throw new Error('smartChecks needs one key result.');
  return {
    S: specific(kr),
    M: measurable(kr, model.cycle.end),
    A: achievable(kr),
    R: relevant(context.objective),
    T: timeBound(kr, model.cycle),
  };
}

function specific(kr: EffectiveKeyResult): SmartCheck {
  const metric = kr.metricName?.trim();
  if (!metric) return { pass: false, reason: 'Name the metric you will count, e.g. "checkout conversion rate".' };
  if ((GENERIC_METRICS as readonly string[]).includes(metric.toLowerCase())) {
    return { pass: false, reason: `"${metric}" is broad — say which one: a segment, product or channel.` };
  }
  return { pass: true, reason: `Names the metric "${metric}".` };
}

function measurable(kr: EffectiveKeyResult, cycleEnd: string | undefined): SmartCheck {
  if (kr.type === 'binary') return { pass: true, reason: 'Binary: done or not done.' };
  const missing = missingFields(kr, cycleEnd).filter((field) => field === 'number' || field === 'baseline' || field === 'target');
  if (missing.length > 0) return { pass: false, reason: `Add ${missing.map((field) => MISSING_FIELD_WORDS[field]).join(', ')}.` };
  // The same disagreement kr-direction warns about; its "consider" notes leave the chip green.
  const conflict = directionConflict(kr.direction, kr.baseline, kr.target);
  if (conflict?.severity === 'warning') return { pass: false, reason: `The direction ${conflict.message}` };
  const baseline = kr.baseline === undefined ? '' : `From ${formatQuantity(kr.baseline, kr.unit)} to `;
  return { pass: true, reason: `${baseline || 'To '}${formatQuantity(kr.target ?? 0, kr.unit)}.` };
}

function achievable(kr: EffectiveKeyResult): SmartCheck {
  if (kr.confidence === undefined) return { pass: false, pending: true, reason: 'No confidence yet — vote blind, then reveal.' };
  if (kr.confidence < ACHIEVABLE_CONFIDENCE) {
    return { pass: false, reason: `Confidence ${confidenceLabel(kr.confidence)} — below about ${confidenceLabel(ACHIEVABLE_CONFIDENCE)} the team does not believe it.` };
  }
  return { pass: true, reason: `Confidence ${confidenceLabel(kr.confidence)}.` };
}

function relevant(objective: SmartContext['objective']): SmartCheck {
  if (!objective) return { pass: false, reason: 'No objective confirmed yet for it to serve.' };
  const links = objective.contextIds?.length ?? 0;
  if (links === 0) return { pass: false, reason: 'The objective is not linked to a context item yet.' };
  return { pass: true, reason: `Serves the objective, which links ${links} context item${links === 1 ? '' : 's'}.` };
}

function timeBound(kr: EffectiveKeyResult, cycle: { start?: string; end?: string }): SmartCheck {
  if (missingFields(kr, cycle.end).includes('deadline')) return { pass: false, reason: 'Add a deadline.' };
  if (!kr.deadline) {
    if (kr.mentionsDeadline) return { pass: false, reason: 'The deadline has no year to resolve it against — write it as YYYY-MM-DD.' };
    return { pass: true, reason: `No own deadline: due at the cycle end, ${cycle.end}.` };
  }
  if ((cycle.start && kr.deadline < cycle.start) || (cycle.end && kr.deadline > cycle.end)) {
    return { pass: false, reason: `Due ${kr.deadline}, outside the cycle.` };
  }
  return { pass: true, reason: `Due ${kr.deadline}.` };
}

/** The letters not passed yet (failed or pending). */
export function openLetters(result: SmartResult): SmartLetter[] {
  return SMART_LETTERS.filter((letter) => !result[letter].pass);
}

/**
 * What a card with no findings says: "passes every check" only when every chip is green, else
 * which letters are still open ("No findings; still open: Achievable.").
 */
export function noFindingsText(result: SmartResult): string {
  const open = openLetters(result);
  if (open.length === 0) return 'No findings: this key result passes every check.';
  return `No findings; still open: ${open.map((letter) => SMART_LABELS[letter]).join(', ')}.`;
}
