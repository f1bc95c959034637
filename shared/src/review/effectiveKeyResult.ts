import { directionFromWords } from './direction.ts';
import type { ReviewKeyResult } from './input.ts';
import { findDates, type DateContext } from './text/dates.ts';
import { parseKeyResultText, type ParsedKeyResult } from './text/parseKeyResultText.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A key result as the rules see it: its fields, with gaps filled from what its title says. */
export interface EffectiveKeyResult extends ReviewKeyResult {
  /** A deadline is written somewhere, even if its year could not be resolved. */
  mentionsDeadline: boolean;
  parsed: ParsedKeyResult;
}

/** Structured fields win; the title fills what is missing, so drafts and filled cards get the same checks. */
export function effectiveKeyResult(kr: ReviewKeyResult, context: DateContext): EffectiveKeyResult {
  const parsed = parseKeyResultText(kr.title, context);
  const deadline = kr.deadline === undefined ? parsed.deadline : resolveDeadline(kr.deadline, context);
  const baseline = kr.baseline ?? parsed.baseline;
  const target = kr.target ?? parsed.target;
  return {
    ...kr,
    metricName: kr.metricName ?? parsed.metricName,
    unit: kr.unit ?? parsed.unit,
    direction: kr.direction ?? directionFromWords(parsed.direction, baseline, target),
    baseline,
    target,
    deadline,
    mentionsDeadline: kr.deadline !== undefined || parsed.deadlineText !== undefined,
    parsed,
  };
}

/** Whether the key result carries any number at all, in a field or in its words. */
export function hasAnyNumber(kr: EffectiveKeyResult): boolean {
  return kr.baseline !== undefined || kr.target !== undefined || kr.parsed.numbers.length > 0;
}

/** A deadline field may hold words ("30 Sep") when it came from a draft; read them like a title's. */
function resolveDeadline(value: string, context: DateContext): string | undefined {
  if (ISO_DATE.test(value)) return value;
  return findDates(value, context)[0]?.date;
}
