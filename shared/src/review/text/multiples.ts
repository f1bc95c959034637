import { COUNT, countValue } from './numberWords.ts';

/** A target written as a multiple of where it starts: "triple", "ten-fold", "a quarter fewer", "by half". */
export interface MultipleMention {
  start: number;
  end: number;
  /** The factor itself, or a share whose sense the verb decides ("cut by a third" → 2/3, "grow by a third" → 4/3). */
  factor?: number;
  share?: number;
}

const SHARES: Record<string, number> = { half: 1 / 2, third: 1 / 3, quarter: 1 / 4, fifth: 1 / 5, tenth: 1 / 10 };
const TIMES: Record<string, number> = { doubl: 2, tripl: 3, quadrupl: 4, quintupl: 5, halv: 0.5 };
const LESS = /^(?:fewer|less|lower|smaller|shorter)$/i;
const SHARE = '(half|third|quarter|fifth|tenth)';

const PATTERNS: { regex: RegExp; read: (groups: (string | undefined)[]) => Omit<MultipleMention, 'start' | 'end'> | undefined }[] = [
  {
    // "double-check" and "triple-A" are no multiples.
    regex: /(?<![\p{L}\d-])(doubl|tripl|quadrupl|quintupl|halv)(?:e|es|ed|ing)(?![\p{L}\d-])/giu,
    read: ([stem]) => ({ factor: TIMES[(stem ?? '').toLowerCase()] ?? 1 }),
  },
  {
    regex: new RegExp(`(?<![\\p{L}\\d])${COUNT}[-\\s]?fold(?![\\p{L}\\d])`, 'giu'),
    read: ([count]) => {
      const factor = countValue(count ?? '');
      return factor >= 2 ? { factor } : undefined;
    },
  },
  { regex: /(?<![\p{L}\d])twice\s+(?:as\s+(?:many|much)|the)(?![\p{L}\d])/giu, read: () => ({ factor: 2 }) },
  { regex: /(?<![\p{L}\d])in\s+half(?![\p{L}\d])/giu, read: () => ({ factor: 0.5 }) },
  {
    regex: new RegExp(`(?<![\\p{L}\\d])(?:by\\s+)?(?:a|one)\\s+${SHARE}\\s+(fewer|less|lower|smaller|shorter|more|higher|larger|bigger|longer)(?![\\p{L}\\d])`, 'giu'),
    read: ([share, comparison]) => {
      const part = SHARES[(share ?? '').toLowerCase()] ?? 0;
      return { factor: LESS.test(comparison ?? '') ? 1 - part : 1 + part };
    },
  },
  {
    // "a quarter of customers" is a share of a group, not a change.
    regex: new RegExp(`(?<![\\p{L}\\d])by\\s+(?:(?:a|one)\\s+)?${SHARE}(?![\\p{L}\\d])(?!\\s+of(?![\\p{L}]))`, 'giu'),
    read: ([share]) => ({ share: SHARES[(share ?? '').toLowerCase()] ?? 0 }),
  },
];

/** Every multiple written in words in `text`, left to right, overlapping readings dropped. */
export function findMultiples(text: string): MultipleMention[] {
  const found: MultipleMention[] = [];
  for (const { regex, read } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const reading = read(match.slice(1));
      if (reading) found.push({ start: match.index, end: match.index + match[0].length, ...reading });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: MultipleMention[] = [];
  for (const mention of found) {
    const last = chosen.at(-1);
    if (!last || mention.start >= last.end) chosen.push(mention);
  }
  return chosen;
}

/** The factor a mention stands for, once the verb's direction is known: "cut by a third" → 2/3. */
export function factorOf(mention: MultipleMention, direction: string | undefined): number | undefined {
  if (mention.factor !== undefined) return mention.factor;
  if (mention.share === undefined) return undefined;
  if (direction === 'increase') return 1 + mention.share;
  if (direction === 'decrease') return 1 - mention.share;
  return undefined;
}
