import { endOfMonth, type DateContext } from './calendar.ts';

/**
 * How the workshop's fiscal calendar runs. Assumption: the fiscal year is the calendar year, unless the
 * cycle says otherwise: a cycle labelled "Q1 FY27" that starts on 2026-07-01 puts the fiscal year's
 * start in July and names it after the calendar year it ends in, as most companies do.
 */
interface FiscalCalendar {
  /** 1 = January. */
  startMonth: number;
  /** FY27 ends in calendar year 27 + `endYearShift` (0 when named after the year it ends in). */
  endYearShift: number;
}

const CALENDAR_YEAR: FiscalCalendar = { startMonth: 1, endYearShift: 0 };
const FISCAL_QUARTER_LABEL = /\bQ([1-4])\s*FY\s?['’]?(\d{4}|\d{2})\b|\bFY\s?['’]?(\d{4}|\d{2})\s*Q([1-4])\b/i;

export function fiscalCalendar(context: DateContext): FiscalCalendar {
  const label = context.cycleLabel ? FISCAL_QUARTER_LABEL.exec(context.cycleLabel) : null;
  if (!label || !context.cycleStart) return CALENDAR_YEAR;
  const quarter = Number(label[1] ?? label[4]);
  const labelYear = fullYear(label[2] ?? label[3] ?? '');
  const [cycleYear = 0, cycleMonth = 1] = context.cycleStart.split('-').map(Number);
  // Walk back from the cycle's first month to its fiscal year's first month.
  const monthsIn = 3 * (quarter - 1);
  const startIndex = cycleYear * 12 + (cycleMonth - 1) - monthsIn;
  const startMonth = (startIndex % 12) + 1;
  const endYear = Math.floor((startIndex + 11) / 12);
  return { startMonth, endYearShift: endYear - labelYear };
}

/** "FY27" or "FY2027" as a four-digit year. */
export function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/**
 * The last day of a fiscal year, or of one of its quarters or halves.
 * `fiscalPeriodEnd(2027, { months: 3, index: 1 }, calendar)`: the end of Q1 FY27.
 */
export function fiscalPeriodEnd(fiscalYear: number, part: { months: number; index: number } | undefined, calendar: FiscalCalendar): string {
  const endYear = fiscalYear + calendar.endYearShift;
  // The fiscal year's first month, counted in months since year 0.
  const firstMonth = (endYear - (calendar.startMonth === 1 ? 0 : 1)) * 12 + (calendar.startMonth - 1);
  const monthsToEnd = part ? part.months * part.index : 12;
  const lastMonth = firstMonth + monthsToEnd - 1;
  return endOfMonth(Math.floor(lastMonth / 12), (lastMonth % 12) + 1);
}
