import { buildReviewContext, type ReviewOptions } from './context.ts';
import type { Finding } from './finding.ts';
import { normalizeReviewInput, type ReviewInput } from './input.ts';
import { RULES } from './rules/index.ts';

/**
 * Runs every rule in the catalogue. Accepts a full export or a draft:
 * `reviewOkrs({ objective: 'Checkout feels effortless', keyResults: ['Conversion from 58% to 65% by 30 Sep'] })`.
 * Throws `ReviewInputError` only when the input's shape is wrong (e.g. a title that is not text).
 */
export function reviewOkrs(input: ReviewInput, options: ReviewOptions = {}): Finding[] {
  const context = buildReviewContext(normalizeReviewInput(input), options);
  return RULES.flatMap((rule) => rule.run(context));
}
