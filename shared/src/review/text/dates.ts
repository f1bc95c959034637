/** What a date without a year is resolved against: the cycle first, then an explicit year. */
export interface DateContext {
  cycleStart?: string;
  cycleEnd?: string;
  year?: number;
}

/** A date found in free text. `date` is `YYYY-MM-DD`, or absent when the year or the order is unknown. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  date?: string;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NOT_WORD_BEFORE = '(?<![\\p{L}\\d])';
const NOT_WORD_AFTER = '(?![\\p{L}\\d])';

type Resolver = (groups: readonly (string | undefined)[], context: DateContext) => string | undefined | null;

interface DatePattern {
  regex: RegExp;
  /** `null`: not a date after all (31 Feb); `undefined`: a date whose year or order is unknown. */
  resolve: Resolver;
}

const PATTERNS: DatePattern[] = [
  {
    regex: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
    resolve: ([y, m, d]) => isoDate(Number(y), Number(m), Number(d)),
  },
  {
    // 30/09/2026 or 09/30/2026: read only when one part cannot be a month.
    regex: /(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/g,
    resolve: ([a, b, y]) => {
      const first = Number(a);
      const second = Number(b);
      if (first > 12) return isoDate(Number(y), second, first);
      if (second > 12 || first === second) return isoDate(Number(y), first, second);
      return undefined;
    },
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+(\\d{4}))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([d, month, y], context) => dayOfMonth(Number(d), monthNumber(month), y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${NOT_WORD_AFTER}(?:,?\\s+(\\d{4})${NOT_WORD_AFTER})?`, 'giu'),
    resolve: ([month, d, y], context) => dayOfMonth(Number(d), monthNumber(month), y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:end\\s+of\\s+)?${MONTH}\\.?\\s+(\\d{4})${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([month, y], context) => lastDayOf(monthNumber(month), y, context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}end\\s+of\\s+${MONTH}${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([month], context) => lastDayOf(monthNumber(month), undefined, context),
  },
  {
    // Calendar quarters; a fiscal calendar would need the cycle's own dates ("end of cycle").
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:(?:the\\s+)?end\\s+of\\s+)?(?:the\\s+)?Q([1-4])(?:\\s+(\\d{4})|\\s*['’](\\d{2}))?${NOT_WORD_AFTER}`, 'giu'),
    resolve: ([q, y, yy], context) => lastDayOf(Number(q) * 3, y ?? (yy ? `20${yy}` : undefined), context),
  },
  {
    regex: new RegExp(`${NOT_WORD_BEFORE}(?:end\\s+of\\s+)?H([12])(?:\\s+(\\d{4}))?${NOT_WORD_AFTER}`, 'giu'),
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

/** `YYYY-MM-DD` for a real calendar day, `null` for 31 Feb and the like. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthNumber(word: string | undefined): number {
  return MONTH_KEYS.indexOf((word ?? '').slice(0, 3).toLowerCase()) + 1;
}

function dayOfMonth(day: number, month: number, year: string | undefined, context: DateContext): string | undefined | null {
  if (year) return isoDate(Number(year), month, day);
  // 29 Feb exists only in some years; check against a leap year, resolve the year, then check again.
  if (isoDate(2000, month, day) === null) return null;
  return resolveYear(month, day, context);
}

function lastDayOf(month: number, year: string | undefined, context: DateContext): string | undefined | null {
  if (year) return isoDate(Number(year), month, daysInMonth(Number(year), month));
  return resolveYear(month, 'last', context);
}

/**
 * A day without a year takes the year that puts it nearest the cycle: "31 Jan" in a Nov–Jan cycle is
 * next year's. Without a cycle, the context's year; without either, unknown.
 */
function resolveYear(month: number, day: number | 'last', context: DateContext): string | undefined | null {
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

function dayDiff(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}
