/** What a date without a year is resolved against: the cycle first, then an explicit year. */
export interface DateContext {
  cycleStart?: string;
  cycleEnd?: string;
  /** "Q1 FY27" and the like: with `cycleStart`, tells when the fiscal year starts (see fiscalYears.ts). */
  cycleLabel?: string;
  year?: number;
}

/** `null`: not a date after all (31 Feb); `undefined`: a date whose year, order or anchor is unknown. */
export type Resolved = string | undefined | null;

export interface DatePattern {
  regex: RegExp;
  resolve: (groups: readonly (string | undefined)[], context: DateContext) => Resolved;
}

export const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const NOT_WORD_BEFORE = '(?<![\\p{L}\\d])';
export const NOT_WORD_AFTER = '(?![\\p{L}\\d])';

/** `YYYY-MM-DD` for a real calendar day, `null` for 31 Feb and the like. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthNumber(word: string | undefined): number {
  return MONTH_KEYS.indexOf((word ?? '').slice(0, 3).toLowerCase()) + 1;
}

/** The last day of `month` in `year`; months past 12 or below 1 roll into the next or last year. */
export function endOfMonth(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0));
  return date.toISOString().slice(0, 10);
}

/** `date` moved by whole days (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by whole months, the day clamped to the target month's length (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const y = target.getUTCFullYear();
  const m = target.getUTCMonth() + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m))) ?? date;
}

export function dayDiff(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

export function insideCycle(date: string, context: DateContext): boolean {
  return context.cycleStart !== undefined && context.cycleEnd !== undefined && date >= context.cycleStart && date <= context.cycleEnd;
}

/** A day written with its year, or else given the year that puts it nearest the cycle. */
export function dayOfMonth(day: number, month: number, year: string | undefined, context: DateContext): Resolved {
  if (year) return isoDate(Number(year), month, day);
  // 29 Feb exists only in some years; check against a leap year, resolve the year, then check again.
  if (isoDate(2000, month, day) === null) return null;
  return resolveYear(month, day, context);
}

export function lastDayOf(month: number, year: string | undefined, context: DateContext): Resolved {
  if (year) return isoDate(Number(year), month, daysInMonth(Number(year), month));
  return resolveYear(month, 'last', context);
}

/**
 * A day without a year takes the year that puts it nearest the cycle: "31 Jan" in a Nov–Jan cycle is
 * next year's. Without a cycle, the context's year; without either, unknown.
 */
export function resolveYear(month: number, day: number | 'last', context: DateContext): Resolved {
  const start = context.cycleStart ?? context.cycleEnd;
  const end = context.cycleEnd ?? context.cycleStart;
  const build = (year: number) => isoDate(year, month, day === 'last' ? daysInMonth(year, month) : day);
  if (!start || !end) return context.year === undefined ? undefined : build(context.year);
  const year = Number(start.slice(0, 4));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of [year - 1, year, year + 1]) {
    const date = build(candidate);
    if (!date) continue;
    const distance = date < start ? dayDiff(date, start) : date > end ? dayDiff(end, date) : 0;
    if (distance < bestDistance) {
      best = date;
      bestDistance = distance;
    }
  }
  return best;
}
