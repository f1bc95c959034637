const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A count written in digits or in words up to ninety-nine ("six", "twenty-one", "a"), as a regex source. */
export const COUNT = `(\\d{1,3}|a|an|(?:${TENS.filter(Boolean).join('|')})(?:[-\\s](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')})`;

/** The value of a count matched by `COUNT`: `"six"` → 6, `"twenty-one"` → 21, `"a"` → 1. */
export function countValue(word: string): number {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'a' || lower === 'an') return 1;
  const [tens = '', unit = ''] = lower.split(/[-\s]/);
  const tensValue = TENS.indexOf(tens);
  if (tensValue >= 2) return tensValue * 10 + Math.max(0, UNITS.indexOf(unit));
  return UNITS.indexOf(lower);
}
