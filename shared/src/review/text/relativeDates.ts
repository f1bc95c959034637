import { addDays, addMonths, type DateContext, type DatePattern, type Resolved } from './calendar.ts';
import { COUNT, countValue } from './numberWords.ts';

/*
 * Periods counted from the cycle's start: "within six weeks", "in the next 90 days", "by week 6".
 * Without a cycle start they are deadlines that cannot be placed (no date, like "30 Sep" with no year).
 */

/** A span shorter than this is a service level ("answered within 2 days"), not a deadline. */
const SHORTEST_DEADLINE_DAYS = 14;
const DAYS_PER_UNIT: Record<string, number> = { day: 1, week: 7, month: 30, quarter: 91 };
const SPAN_WORD = '(?:within|in|inside)(?:\\s+the\\s+next)?|over\\s+the\\s+next';
/** "within 7 days of sign-up" counts from each user's event, not from the cycle. */
const NOT_FROM_AN_EVENT = '(?!\\s+(?:of|after|from|since|per|for\\s+each)(?![\\p{L}]))';

export const RELATIVE_PATTERNS: DatePattern[] = [
  {
    regex: new RegExp(`(?<![\\p{L}\\d])(?:${SPAN_WORD})\\s+${COUNT}\\s+(day|week|month|quarter)s?(?![\\p{L}\\d])${NOT_FROM_AN_EVENT}`, 'giu'),
    resolve: ([count, unit], context) => spanEnd(countValue(count ?? ''), (unit ?? 'day').toLowerCase(), context),
  },
  {
    // Week 6 of the cycle; "Week-6 retention" or "at week 6" names a cohort, not a deadline.
    regex: new RegExp(`(?<=(?<![\\p{L}\\d])(by|before|until|till)\\s+)(?:the\\s+end\\s+of\\s+)?(?:week|wk\\.?)\\s*${COUNT}(?![\\p{L}\\d])`, 'giu'),
    resolve: ([word, count], context) => {
      const week = countValue(count ?? '') - (word?.toLowerCase() === 'before' ? 1 : 0);
      if (week < 1 || week > 53) return null;
      return context.cycleStart ? addDays(context.cycleStart, week * 7 - 1) : undefined;
    },
  },
];

/** The last day of a span that starts on the cycle's first day: 90 days from 1 Jul is 28 Sep. */
function spanEnd(count: number, unit: string, context: DateContext): Resolved {
  if (count * (DAYS_PER_UNIT[unit] ?? 1) < SHORTEST_DEADLINE_DAYS) return null;
  if (!context.cycleStart) return undefined;
  if (unit === 'day') return addDays(context.cycleStart, count - 1);
  if (unit === 'week') return addDays(context.cycleStart, count * 7 - 1);
  return addDays(addMonths(context.cycleStart, count * (unit === 'quarter' ? 3 : 1)), -1);
}
