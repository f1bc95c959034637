import { findingKey, reviewOkrs, type Finding } from '@okr/shared/review';

/**
 * The key results that read like an action (rule `kr-is-initiative`), keyed by key-result id,
 * leaving out findings someone chose to keep ("Keep as key result" dismisses them).
 * @example taskLikeKeyResults('Checkout feels effortless', [{ id: 'k1', title: 'Build a cart reminder tool' }], new Set())
 *   // → Map { 'k1' => { rule: 'kr-is-initiative', message: '"Build a cart reminder tool" reads like a task…' } }
 */
export function taskLikeKeyResults(
  objectiveTitle: string | undefined,
  keyResults: readonly { id: string; title: string; type?: 'metric' | 'milestone' | 'binary' }[],
  dismissed: ReadonlySet<string>,
): Map<string, Finding> {
  const out = new Map<string, Finding>();
  if (keyResults.length === 0) return out;
  const findings = reviewOkrs({
    objective: objectiveTitle ? { title: objectiveTitle } : undefined,
    keyResults: keyResults.map((kr) => ({ id: kr.id, title: kr.title, type: kr.type })),
  });
  for (const finding of findings) {
    if (finding.rule !== 'kr-is-initiative' || finding.target.kind !== 'keyResult' || dismissed.has(findingKey(finding))) continue;
    if (!out.has(finding.target.id)) out.set(finding.target.id, finding);
  }
  return out;
}
