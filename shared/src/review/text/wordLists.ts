/*
 * Word lists behind the wording rules. Word lists misfire on real drafts, which is why every rule that
 * uses them only advises and can be dismissed.
 */

export const INCREASE_VERBS = ['increase', 'grow', 'raise', 'improve', 'boost', 'lift', 'double', 'triple', 'quadruple', 'expand', 'gain'] as const;
export const DECREASE_VERBS = ['reduce', 'decrease', 'cut', 'lower', 'shrink', 'drop', 'halve', 'minimise', 'minimize', 'eliminate', 'shorten'] as const;
/** Verbs that hold a level rather than move it: with "above"/"below" they mean at-least / at-most. */
export const KEEP_VERBS = ['keep', 'maintain', 'stay', 'sustain', 'remain', 'hold'] as const;
/** Verbs that only say "get there"; the metric is named after the number ("Reach 2,000 weekly users"). */
export const REACH_VERBS = ['reach', 'hit', 'achieve', 'attain', 'get to', 'get', 'have', 'make', 'sign', 'win', 'close'] as const;

/** Things people count when they count effort: calls, meetings, posts. */
export const ACTIVITY_NOUNS = [
  'calls', 'meetings', 'posts', 'blog posts', 'emails', 'demos', 'webinars', 'events', 'articles',
  'campaigns', 'workshops', 'presentations', 'tweets', 'newsletters', 'features', 'releases', 'tasks',
  'stories', 'story points', 'tickets', 'visits', 'outreach', 'sessions held', 'trainings',
] as const;

/** Words that name an effect on users or the business; their presence excuses an activity count. */
export const IMPACT_WORDS = [
  'conversion', 'retention', 'retained', 'churn', 'nps', 'revenue', 'satisfaction', 'csat', 'activation',
  'adoption', 'rate', 'ratio', 'share', 'margin', 'arr', 'mrr', 'ltv', 'signups', 'sign-ups', 'booked',
  'pipeline', 'response time', 'resolved', 'renewals', 'upgrades', 'paying',
] as const;

/** Countable things that grow by volume; such a key result wants a quality counter-metric beside it. */
export const VOLUME_WORDS = [
  'users', 'signups', 'sign-ups', 'downloads', 'installs', 'orders', 'leads', 'sessions', 'visits',
  'visitors', 'customers', 'subscribers', 'transactions', 'deals', 'accounts', 'followers', 'registrations',
] as const;

/** Words that guard quality; one of them in another key result counts as the counter-metric. */
export const QUALITY_WORDS = [
  'rate', 'ratio', 'nps', 'satisfaction', 'csat', 'churn', 'retention', 'quality', 'error', 'errors',
  'defect', 'defects', 'complaints', 'refunds', 'returns', 'latency', 'uptime', 'incidents', 'bugs', 'score',
] as const;

/** Single-word metrics too broad to act on: "revenue" of which product, for whom? */
export const GENERIC_METRICS = [
  'revenue', 'growth', 'engagement', 'performance', 'quality', 'sales', 'users', 'traffic', 'usage',
  'satisfaction', 'efficiency', 'productivity', 'awareness', 'experience',
] as const;

/** `true` when `phrase` (one or more words) occurs in `text` as whole words, ignoring case. */
export function hasWord(text: string, phrase: string): boolean {
  return wordIndex(text, phrase) >= 0;
}

/** Where `phrase` first occurs in `text` as whole words, ignoring case; -1 when it does not. */
export function wordIndex(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return text.search(new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'iu'));
}

/** The first word-list entry found in `text`, for messages that quote what they saw. */
export function firstWordFrom(text: string, words: readonly string[]): string | undefined {
  return words.find((word) => hasWord(text, word));
}
