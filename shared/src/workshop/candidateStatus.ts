import type { Candidate, ParkedItem } from '../schema/index.ts';

export const CANDIDATE_STATUSES = ['chosen', 'parked', 'discarded', 'unsorted'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The candidate ids that have a parked item. */
export function parkedCandidateIds(parked: readonly ParkedItem[]): Set<string> {
  return new Set(parked.flatMap((item) => (item.candidateId ? [item.candidateId] : [])));
}

/** Chosen beats parked beats discarded: a candidate parked and later chosen is the objective. */
export function candidateStatus(candidate: Candidate, chosenId: string | undefined | null, parkedIds: ReadonlySet<string>): CandidateStatus {
  if (candidate.id === chosenId) return 'chosen';
  if (parkedIds.has(candidate.id)) return 'parked';
  if (candidate.discarded) return 'discarded';
  return 'unsorted';
}
