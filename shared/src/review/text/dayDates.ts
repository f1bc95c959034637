import { MONTH, NOT_WORD_AFTER, NOT_WORD_BEFORE, dayOfMonth, insideCycle, isoDate, monthNumber, type DateContext, type DatePattern, type Resolved } from './calendar.ts';

/** Words that introduce a deadline; a bare "24/7" or "3/4 of users" is no date without one. */
const DEADLINE_WORD = '(?<=(?<![\\p{L}\\d])(?:by|before|until|till|on|due)\\s+(?:the\\s+)?)';

/** Dates that name a day: ISO, numeric (either order) and written months. */
export const DAY_PATTERNS: DatePattern[] = [
  {
    regex: /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])/g,
    resolve: ([y, , m, d]) => isoDate(Number(y), Number(m), Number(d)),
  },
  {
    regex: /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/.])/g,
    resolve: ([a, , b, y], context) => numericDay(Number(a), Number(b), context, Number(y)),
  },
  {
    // "by 15/11": no year, so it needs a deadline word; a dot would read decimals ("by 1.5") as dates.
    regex: new RegExp(`${DEADLINE_WORD}(\\d{1,2})/(\\d{1,2})(?![\\d/.]|\\s*(?:%|of${NOT_WORD_AFTER}))`, 'giu'),
    resolve: ([a, b], context) => numericDay(Number(a), Number(b), context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+(\\d{4}))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([d, month, y], context) => dayOfMonth(Number(d), monthNumber(month), y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${NOT_WORD_AFTER}(?:,?\\s+(\\d{4})${NOT_WORD_AFTER})?`, 'giu'),
    resolve: ([month, d, y], context) => dayOfMonth(Number(d), monthNumber(month), y, context),
  },
];

/**
 * 15/11 is day/month and 11/15 month/day, whichever part cannot be a month says so. When both can
 * (03/04), the reading that falls inside the cycle wins; with none or both inside, it is not guessed.
 */
function numericDay(first: number, second: number, context: DateContext, year?: number): Resolved {
  const dayMonth = readDay(first, second, context, year);
  const monthDay = readDay(second, first, context, year);
  if (first > 12 || first === second) return dayMonth;
  if (second > 12) return monthDay;
  const inside = [dayMonth, monthDay].filter((date): date is string => typeof date === 'string' && insideCycle(date, context));
  return inside.length === 1 ? inside[0] : undefined;
}

function readDay(day: number, month: number, context: DateContext, year?: number): Resolved {
  if (month > 12) return null;
  return dayOfMonth(day, month, year === undefined ? undefined : String(year), context);
}
