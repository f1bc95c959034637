import { MONTH, NOT_WORD_AFTER, NOT_WORD_BEFORE, addDays, dayOfMonth, lastDayOf, monthNumber, type DateContext, type DatePattern, type Resolved } from './calendar.ts';

/** Which day of the month "early May", "mid-June", "by the end of May" stand for. */
const PART_DAY: Record<string, number | 'last'> = { start: 1, beginning: 1, early: 10, mid: 15, middle: 15, late: 'last', end: 'last' };
const PART = '(?:(?:the\\s+)?(start|beginning|middle|end)\\s+of\\s+|(early|mid|late)[-\\s]+)';
/** A month alone is a date only after a word of time ("by April", "in May"); "customers may churn" is not. */
const TIME_WORD = '(?<=(?<![\\p{L}\\d])(by|in|before|until|till|through|during)\\s+(?:the\\s+)?)';

/** Dates that name a month: "Sep 2026", "end of September", "by April", "by early May", "before June". */
export const MONTH_PATTERNS: DatePattern[] = [
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:end\\s+of\\s+)?${MONTH}\\.?\\s+(\\d{4})${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([month, y], context) => lastDayOf(monthNumber(month), y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}${PART}${MONTH}${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([part, earlyMidLate, month], context) => partOfMonth(part ?? earlyMidLate, monthNumber(month), context),
  },
  {
    regex: new RegExp(`${TIME_WORD}${MONTH}\\.?(?!\\s*\\d)${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([timeWord, month], context) => {
      const end = lastDayOf(monthNumber(month), undefined, context);
      // "before June" means by the end of May: the day before the month starts.
      if (timeWord?.toLowerCase() !== 'before' || !end) return end;
      return addDays(`${end.slice(0, 8)}01`, -1);
    },
  },
];

function partOfMonth(part: string | undefined, month: number, context: DateContext): Resolved {
  const day = PART_DAY[(part ?? 'end').toLowerCase()] ?? 'last';
  return day === 'last' ? lastDayOf(month, undefined, context) : dayOfMonth(day, month, undefined, context);
}
