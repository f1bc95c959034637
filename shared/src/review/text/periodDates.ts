import { NOT_WORD_AFTER, NOT_WORD_BEFORE, lastDayOf, type DatePattern } from './calendar.ts';
import { fiscalCalendar, fiscalPeriodEnd, fullYear } from './fiscalYears.ts';

const END_OF = '(?:(?:the\\s+)?end\\s+of\\s+)?(?:the\\s+)?';
const YEAR = '(\\d{4}|\\d{2})';

/** Quarters, halves, fiscal years and "end of cycle": each read as the last day of its period. */
export const PERIOD_PATTERNS: DatePattern[] = [
  {
    // Fiscal periods first: "Q3 FY27" is a fiscal quarter, a bare "Q3" a calendar one.
    regex: new RegExp(`${NOT_WORD_BEFORE}${END_OF}(?:([QH])([1-4])\\s*)?FY\\s?['’]?${YEAR}(?:\\s*([QH])([1-4]))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([kindBefore, indexBefore, fy, kindAfter, indexAfter], context) => {
      const kind = (kindBefore ?? kindAfter)?.toUpperCase();
      const index = Number(indexBefore ?? indexAfter);
      if (kind === 'H' && index > 2) return null;
      const part = kind ? { months: kind === 'Q' ? 3 : 6, index } : undefined;
      return fiscalPeriodEnd(fullYear(fy ?? ''), part, fiscalCalendar(context));
    },
  },
  {
    // Calendar quarters; a fiscal quarter is written with its year ("Q3 FY27").
    regex: new RegExp(`${NOT_WORD_BEFORE}${END_OF}Q([1-4])(?:\\s+(\\d{4})|\\s*['’](\\d{2}))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([q, y, yy], context) => lastDayOf(Number(q) * 3, y ?? (yy ? `20${yy}` : undefined), context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}${END_OF}H([12])(?:\\s+(\\d{4}))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([h, y], context) => lastDayOf(Number(h) * 6, y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(cycle|quarter|year)|(EOQ|EOY))${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([period, abbreviation], context) => {
      const which = (period ?? abbreviation ?? '').toLowerCase();
      if (which === 'year' || which === 'eoy') return lastDayOf(12, undefined, context);
      return context.cycleEnd;
    },
  },
];
