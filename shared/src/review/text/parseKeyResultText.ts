import type { KrDirection } from '../../schema/index.ts';
import { findDates, type DateContext } from './dates.ts';
import { factorOf, findMultiples } from './multiples.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { outputVerbPrefix } from './outputVerbs.ts';
import { DECREASE_VERBS, INCREASE_VERBS, KEEP_VERBS, REACH_VERBS, firstWordFrom, wordIndex } from './wordLists.ts';

/** What a key result's wording says about its fields. Structured fields, where set, win over these. */
export interface ParsedKeyResult {
  metricName?: string;
  baseline?: number;
  target?: number;
  unit?: string;
  direction?: KrDirection;
  /** `YYYY-MM-DD`; absent when no date is written or its year cannot be resolved. */
  deadline?: string;
  /** The deadline as written ("30 Sep", "end of Q3"), also when it could not be resolved. */
  deadlineText?: string;
  /** A change written as a multiple: "triple" → 3, "a quarter fewer" → 0.75; with a baseline it sets the target. */
  factor?: number;
  /** Every number outside dates, in order, a multiple in words included: "fewer than two numbers" is one of the task smells. */
  numbers: number[];
}

const AT_LEAST = /(?:>=|>|≥|\bat\s+least|\bmore\s+than|\bover|\babove|\bexceeding|\bno\s+less\s+than|\bminimum(?:\s+of)?|\bmin\.?)\s*$/i;
const AT_MOST = /(?:<=|<|≤|\bat\s+most|\bless\s+than|\bfewer\s+than|\bbelow|\bunder|\bno\s+more\s+than|\bmaximum(?:\s+of)?|\bmax\.?)\s*$/i;
const RANGE_JOIN = /^\s*(?:to|→|until|up\s+to|down\s+to)\s*$/i;
const CONNECTOR_WORDS =
  'from|to|by|at|of|is|are|up\\s+to|down\\s+to|at\\s+least|at\\s+most|more\\s+than|less\\s+than|fewer\\s+than|above|below|under|over|no\\s+less\\s+than|no\\s+more\\s+than|exceeding|minimum|maximum|min\\.?|max\\.?|within|before|until|in|on';
const CONNECTOR_SYMBOLS = '=|:|→|-|–|—|>=|<=|>|<|≥|≤';
const TRAILING_CONNECTOR = new RegExp(`\\s*(?:(?<![\\p{L}\\d])(?:${CONNECTOR_WORDS})|${CONNECTOR_SYMBOLS})\\s*$`, 'iu');
const LEADING_VERB = new RegExp(
  `^(?:we\\s+will\\s+|to\\s+)?(?:${[...INCREASE_VERBS, ...DECREASE_VERBS, ...KEEP_VERBS, ...REACH_VERBS]
    .map((verb) => verb.replace(' ', '\\s+'))
    .join('|')})(?:s|es|ed|ing)?(?![\\p{L}])\\s*(?:(?:the|our|a|an)\\s+)?`,
  'iu',
);

/**
 * Reads a key result written as a sentence.
 * `parseKeyResultText("Checkout conversion rate from 58% to 65% by 30 Sep", { year: 2026 })`
 * → `{ metricName: "Checkout conversion rate", baseline: 58, target: 65, unit: "%", direction: "increase", deadline: "2026-09-30" }`.
 */
export function parseKeyResultText(raw: string, context: DateContext = {}): ParsedKeyResult {
  const text = normalize(raw);
  const dates = findDates(text, context);
  // Blank the dates out (same length, so offsets hold) before looking for numbers: "30 Sep" is no target.
  const rest = blank(text, dates);
  const multiple = findMultiples(rest)[0];
  // "10-fold" is a multiple, not a level of 10: its words are blanked too.
  const words = blank(rest, multiple ? [multiple] : []);
  const numbers = findNumbers(words);
  const deadline = dates.at(-1);

  const written = readLevels(words, numbers);
  const verbDirection = readDirection(rest, written);
  const factor = multiple && factorOf(multiple, verbDirection);
  const levels = factor === undefined ? written : applyFactor(words, numbers, written, factor);
  const direction = verbDirection ?? (factor === undefined || factor === 1 ? undefined : factor > 1 ? 'increase' : 'decrease');
  const unit = levels.target?.unit ?? levels.baseline?.unit ?? numbers.find((n) => n.unit)?.unit;
  const metricName = readMetricName(words, numbers, multiple !== undefined);
  const allNumbers = [...numbers.map((n) => ({ at: n.start, value: n.value })), ...(factor === undefined || !multiple ? [] : [{ at: multiple.start, value: factor }])];
  return {
    ...(metricName ? { metricName } : {}),
    ...(levels.baseline ? { baseline: levels.baseline.value } : {}),
    ...(levels.target ? { target: levels.target.value } : {}),
    ...(unit ? { unit } : {}),
    ...(direction ? { direction } : {}),
    ...(deadline?.date ? { deadline: deadline.date } : {}),
    ...(deadline ? { deadlineText: deadline.text.trim() } : {}),
    ...(factor === undefined ? {} : { factor }),
    numbers: allNumbers.sort((a, b) => a.at - b.at).map((n) => n.value),
  };
}

/** `text` with the given spans replaced by spaces, so offsets hold. */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const span of spans) out = out.slice(0, span.start) + ' '.repeat(span.end - span.start) + out.slice(span.end);
  return out;
}

/** "Triple weekly users from 1,200": the baseline times the factor is the target, unless one is written. */
function applyFactor(text: string, numbers: NumberMention[], levels: Levels, factor: number): Levels {
  if (levels.baseline || levels.bound) return levels;
  const from = numbers.find((n) => /\bfrom\s*$/i.test(text.slice(0, n.start)));
  if (!from || (levels.target && levels.target !== from)) return levels;
  return { baseline: from, target: { ...from, value: Number((from.value * factor).toPrecision(12)) } };
}

interface Levels {
  baseline?: NumberMention;
  target?: NumberMention;
  /** Which comparison the target was written with (">", "at most"…), if any. */
  bound?: 'at-least' | 'at-most';
}

function readLevels(text: string, numbers: NumberMention[]): Levels {
  for (let i = 0; i + 1 < numbers.length; i++) {
    const from = numbers[i];
    const to = numbers[i + 1];
    if (from && to && RANGE_JOIN.test(text.slice(from.end, to.start))) return { baseline: from, target: to };
  }
  for (const n of numbers) {
    const before = text.slice(0, n.start);
    if (AT_LEAST.test(before)) return { target: n, bound: 'at-least' };
    if (AT_MOST.test(before)) return { target: n, bound: 'at-most' };
  }
  for (const n of numbers) {
    const before = text.slice(0, n.start);
    if (/\bto\s*$/i.test(before)) return { target: n, ...baselineBefore(text, numbers, n) };
  }
  // A lone level ("Reach 2,000 weekly users") is the target; a lone change ("by 20%", "+5pp") is not.
  const [only] = numbers;
  if (numbers.length === 1 && only && !only.signed && !/\bby\s*$/i.test(text.slice(0, only.start))) return { target: only };
  return {};
}

function baselineBefore(text: string, numbers: NumberMention[], target: NumberMention): Pick<Levels, 'baseline'> {
  const baseline = numbers.find((n) => n.end <= target.start && /\bfrom\s*$/i.test(text.slice(0, n.start)));
  return baseline ? { baseline } : {};
}

function readDirection(text: string, levels: Levels): KrDirection | undefined {
  const keeps = firstWordFrom(text, KEEP_VERBS) !== undefined;
  if (keeps && levels.bound) return levels.bound;
  // The first verb that moves the metric decides: "Increase conversion by cutting steps" is an increase.
  const verbs = [
    ...INCREASE_VERBS.map((verb) => ({ at: wordIndex(text, verb), direction: 'increase' as const })),
    ...DECREASE_VERBS.map((verb) => ({ at: wordIndex(text, verb), direction: 'decrease' as const })),
  ].filter((found) => found.at >= 0);
  const first = verbs.sort((a, b) => a.at - b.at)[0];
  if (first) return first.direction;
  if (levels.baseline && levels.target && levels.baseline.value !== levels.target.value) {
    return levels.target.value > levels.baseline.value ? 'increase' : 'decrease';
  }
  return levels.bound;
}

/** The words before the first number, less verbs and connectors; else the words after the last one. */
function readMetricName(text: string, numbers: NumberMention[], hasMultiple: boolean): string | undefined {
  const first = numbers[0];
  const last = numbers.at(-1);
  // "Triple weekly active users": with the multiple blanked, what is left names the metric.
  if (!first || !last) return hasMultiple ? clean(text.split(/[,;(]|\s-\s/)[0] ?? '') : undefined;
  const head = clean(text.slice(0, first.start));
  if (head) return head;
  const tail = text.slice(last.end).split(/[,;(]|\s-\s|\.(?:\s|$)/)[0] ?? '';
  return clean(tail.replace(/^\s*(?:of|in)\s+/i, ''));
}

function clean(fragment: string): string | undefined {
  let out = fragment.replace(/\s+/g, ' ').trim();
  // A sentence may open with its (blanked) date: "By 30 Sep, reach 2,000 users".
  out = out.replace(/^(?:by|before|until|in|on|at)\s*[,;:]\s*/i, '');
  const outputVerb = outputVerbPrefix(out);
  out = outputVerb ? out.slice(outputVerb.length).replace(/^\s*(?:(?:the|our|a|an)\s+)?/i, '') : out.replace(LEADING_VERB, '');
  let previous: string;
  do {
    previous = out;
    out = out.replace(TRAILING_CONNECTOR, '').replace(/[\s,;:.]+$/, '');
  } while (out !== previous);
  return out.length > 0 ? out : undefined;
}

function normalize(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s*(?:->|=>|⟶|➔|➜)\s*/g, ' → ')
    .replace(/\s*→\s*/g, ' → ');
}
