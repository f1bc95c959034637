import type { DateContext, DatePattern } from './calendar.ts';
import { DAY_PATTERNS } from './dayDates.ts';
import { MONTH_PATTERNS } from './monthDates.ts';
import { PERIOD_PATTERNS } from './periodDates.ts';
import { RELATIVE_PATTERNS } from './relativeDates.ts';

export type { DateContext } from './calendar.ts';

/** A date found in free text. `date` is `YYYY-MM-DD`, or absent when the year, order or anchor is unknown. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  date?: string;
}

const PATTERNS: DatePattern[] = [...DAY_PATTERNS, ...MONTH_PATTERNS, ...PERIOD_PATTERNS, ...RELATIVE_PATTERNS];

/** Every date mentioned in `text`, left to right, the longest reading winning where two overlap. */
export function findDates(text: string, context: DateContext = {}): DateMention[] {
  const found: DateMention[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const resolved = pattern.resolve(match.slice(1), context);
      if (resolved === null) continue;
      const start = match.index;
      found.push({ start, end: start + match[0].length, text: match[0], ...(resolved ? { date: resolved } : {}) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: DateMention[] = [];
  for (const mention of found) {
    const last = chosen.at(-1);
    if (!last || mention.start >= last.end) chosen.push(mention);
  }
  return chosen;
}
