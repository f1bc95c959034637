import type { Candidate } from '@okr/shared/schema';

export type CandidateGroup = { id: string; members: readonly Candidate[] };

/**
 * Candidates grouped in the Draft step stay together: one group per cluster id (or per card when
 * ungrouped), in the board's order of each group's first card.
 * Example: [a, b (cluster a), c] → [{a, b}, {c}].
 */
export function groupCandidates(candidates: readonly Candidate[]): CandidateGroup[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.clusterId ?? candidate.id;
    const members = groups.get(key);
    if (members) members.push(candidate);
    else groups.set(key, [candidate]);
  }
  return [...groups].map(([id, members]) => ({ id, members }));
}
