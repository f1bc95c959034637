/** A number found in free text, with the unit written beside it. */
export interface NumberMention {
  start: number;
  end: number;
  value: number;
  /** `%`, `pp`, a currency (`$`, `€`, `EUR`…), a time unit (`ms`, `s`, `min`, `h`, `days`, `weeks`), `x`, `points`, `stars`. */
  unit?: string;
  /** Written with a leading `+`: a change, not a level. */
  signed: boolean;
}

const CURRENCY_SYMBOLS = '[$€£¥]';
const CURRENCY_CODES = 'USD|EUR|GBP|CHF|JPY|CAD|AUD';
const SCALES: Record<string, number> = { k: 3, thousand: 3, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9 };
const UNIT_ALIASES: Record<string, string> = {
  '%': '%', percent: '%', pp: 'pp',
  ms: 'ms', s: 's', sec: 's', secs: 's', seconds: 's', min: 'min', mins: 'min', minutes: 'min',
  h: 'h', hr: 'h', hrs: 'h', hours: 'h', days: 'days', weeks: 'weeks',
  x: 'x', points: 'points', pts: 'points', star: 'stars', stars: 'stars',
};

const NUMBER_RE = new RegExp(
  [
    '(?<![\\p{L}\\d.,])',
    `(?:(?<symbol>${CURRENCY_SYMBOLS})\\s?|(?<codeBefore>${CURRENCY_CODES})\\s)?`,
    '(?<sign>[-−+])?',
    `(?:(?<symbolAfterSign>${CURRENCY_SYMBOLS})\\s?)?`,
    '(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)',
    '(?:\\s?(?<scale>k|mn|m|bn|b|thousand|million|billion)(?![\\p{L}\\d]))?',
    `(?:(?<percent>\\s?%)|\\s?(?<unit>percent|pp|ms|secs?|seconds|s|mins?|minutes|hrs?|hours|h|days|weeks|x|points|pts|stars?)(?![\\p{L}\\d])|\\s(?<codeAfter>${CURRENCY_CODES})(?![\\p{L}]))?`,
  ].join(''),
  'giu',
);

/** Every number in `text` with its unit; thousands separators, k/m/bn and currencies understood. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const match of text.matchAll(NUMBER_RE)) {
    const g = match.groups ?? {};
    const digits = (g.digits ?? '').replace(/,/g, '');
    const exponent = g.scale ? (SCALES[g.scale.toLowerCase()] ?? 0) : 0;
    // Scaling through the exponent keeps 1.2m at exactly 1200000 (1.2 * 1e6 is not).
    const magnitude = Number(`${digits}e${exponent}`);
    const negative = g.sign === '-' || g.sign === '−';
    const unit = g.percent
      ? '%'
      : (g.symbol ?? g.symbolAfterSign ?? g.codeBefore?.toUpperCase() ?? g.codeAfter?.toUpperCase() ?? (g.unit ? UNIT_ALIASES[g.unit.toLowerCase()] : undefined));
    out.push({
      start: match.index,
      end: match.index + match[0].length,
      value: negative ? -magnitude : magnitude,
      ...(unit ? { unit } : {}),
      signed: g.sign === '+',
    });
  }
  return out;
}
