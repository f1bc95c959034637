/*
 * Verbs that announce an output (work the team does), not an outcome (something that changes).
 * Source: the skill-grouped "action verbs" lists that university career services publish for résumés
 * (for example the sample action words in The Harvard Guide to Your Job Search, Harvard Office of Career
 * Services). We took the groups that name doing work (technical/building, management/staffing,
 * organising, creative) and kept the verbs for building, changing, staffing and adding; the selection is
 * ours. Left out on purpose: verbs that also open an outcome ("convert", "retain", "expand", "simplify")
 * and words that more often start a metric's name as a noun ("code", "program", "engineer", "staff",
 * "open", "support", "offer", "start").
 */
const BUILDING = [
  'build', 'rebuild', 'create', 'develop', 'design', 'redesign', 'construct', 'assemble', 'prototype',
  'implement', 'install', 'set up', 'setup', 'establish', 'produce', 'write', 'document', 'complete', 'finish',
  'finalise', 'finalize',
] as const;
const DELIVERING = ['launch', 'ship', 'release', 'deploy', 'roll out', 'deliver', 'publish'] as const;
const CHANGING = [
  'migrate', 'upgrade', 'replace', 'refactor', 'rework', 'rewrite', 'restructure', 'reorganise', 'reorganize',
  'revamp', 'overhaul', 'modernise', 'modernize', 'update', 'translate', 'localise', 'localize', 'automate',
  'standardise', 'standardize', 'consolidate', 'integrate',
] as const;
const STAFFING = ['recruit', 'hire', 'onboard', 'train', 'appoint'] as const;
const ADDING = ['add', 'extend', 'introduce', 'enable'] as const;
const ORGANISING = ['organise', 'organize', 'host', 'run', 'conduct'] as const;

export const OUTPUT_VERBS: readonly string[] = [...BUILDING, ...DELIVERING, ...CHANGING, ...STAFFING, ...ADDING, ...ORGANISING];

/** "shipped the", "hiring 5": an inflected form counts only before an object, so "Training completion rate" stays a metric. */
const OBJECT_AFTER = '(?=\\s+(?:the|a|an|our|all|new|\\d))';
const OPENERS = /^\s*(?:we\s+will|we'll|to)\s+/i;

const MATCHERS = OUTPUT_VERBS.map((verb) => ({ verb, regex: new RegExp(`^(?:${verb.replace(' ', '\\s+')}|${inflections(verb)}${OBJECT_AFTER})(?![\\p{L}\\d-])`, 'iu') }));

/** The output verb a text starts with (after an optional "We will" or "To"), and how many characters it takes. */
export function outputVerbPrefix(text: string): { verb: string; length: number } | undefined {
  const opener = OPENERS.exec(text)?.[0] ?? '';
  const rest = text.slice(opener.length);
  for (const { verb, regex } of MATCHERS) {
    const match = regex.exec(rest);
    if (match) return { verb, length: opener.length + match[0].length };
  }
  return undefined;
}

/** The output verb a text starts with, for messages that quote it: `leadingOutputVerb('Recruit 2 engineers')` → `'recruit'`. */
export function leadingOutputVerb(text: string): string | undefined {
  return outputVerbPrefix(text.trim())?.verb;
}

/** "ships", "shipped", "shipping"; "creates", "created", "creating"; a phrasal verb inflects its first word. */
function inflections(verb: string): string {
  const [head = verb, ...tail] = verb.split(' ');
  const rest = tail.length > 0 ? `\\s+${tail.join('\\s+')}` : '';
  const stem = head.endsWith('e') ? head.slice(0, -1) : head;
  // Short words ending consonant-vowel-consonant double it: ship → shipped, run → running, set → setting.
  const doubled = /^[^aeiou]*[aeiou][bdgmnprt]$/.test(head) ? `|${head}${head.at(-1)}` : '';
  return `(?:${head}(?:s|es)|(?:${stem}${doubled})(?:ed|ing))${rest}`;
}
