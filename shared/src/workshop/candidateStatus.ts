import type { Candidate, Objective, ParkedItem } from '../schema/index.ts';

export const CANDIDATE_STATUSES = ['chosen', 'parked', 'discarded', 'unsorted'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** The candidate ids that have a parked item. */
export function parkedCandidateIds(parked: readonly ParkedItem[]): Set<string> {
  return new Set(parked.flatMap((item) => (item.candidateId ? [item.candidateId] : [])));
}

/** What a decision chose: one card, or a cluster and the notes it held (see `Objective.fromNotes`). */
export type ChosenRef = { candidateId: Objective['candidateId']; fromNotes?: readonly { id: string }[] | undefined } | null | undefined;

/** Whether a card is THE objective, or one of the notes of the cluster chosen as THE objective. */
export function isChosen(candidateId: string, chosen: ChosenRef): boolean {
  if (!chosen) return false;
  return candidateId === chosen.candidateId || (chosen.fromNotes?.some((note) => note.id === candidateId) ?? false);
}

/** Chosen beats parked beats discarded: a candidate parked and later chosen is the objective. */
export function candidateStatus(candidate: Candidate, chosen: ChosenRef, parkedIds: ReadonlySet<string>): CandidateStatus {
  if (isChosen(candidate.id, chosen)) return 'chosen';
  if (parkedIds.has(candidate.id)) return 'parked';
  if (candidate.discarded) return 'discarded';
  return 'unsorted';
}
