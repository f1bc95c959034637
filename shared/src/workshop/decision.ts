import { objectiveSchema, type Objective } from '../schema/index.ts';
import type { BallotCandidate } from './ballotCandidates.ts';

export type TallyEntry = Objective['tally'][number];
export type Commitment = Objective['commitment'];

/** What the facilitator fills in to confirm THE objective. */
export type DecisionDraft = {
  candidateId: string;
  title: string;
  description: string;
  commitment: Commitment;
  rationale: string;
};

export type DecisionErrors = Partial<Record<'candidateId' | 'title' | 'rationale', string>>;

/**
 * Turns the facilitator's form into THE objective, or says what is missing. Re-confirming keeps
 * the context links made so far: changing the decision destroys nothing. A cluster chosen keeps its
 * notes (ids and texts, never authors) in the decision record.
 */
export function decide(
  draft: DecisionDraft,
  input: { candidates: readonly BallotCandidate[]; tally: readonly TallyEntry[]; previous: Objective | null; now: Date },
): { objective: Objective } | { errors: DecisionErrors } {
  const errors: DecisionErrors = {};
  const title = draft.title.trim();
  const rationale = draft.rationale.trim();
  const chosen = input.candidates.find((c) => c.id === draft.candidateId);
  if (!chosen) errors.candidateId = 'Choose one of the candidates.';
  if (!title) errors.title = 'Write the objective as the team will read it all quarter.';
  else if (title.length > 500) errors.title = 'Keep the objective under 500 characters: one sentence is best.';
  if (!rationale) errors.rationale = 'Say in a sentence why the group chose this one: it goes in the decision record.';
  else if (rationale.length > 2000) errors.rationale = 'Keep the rationale under 2,000 characters.';
  if (Object.keys(errors).length > 0) return { errors };
  const description = draft.description.trim();
  const objective = objectiveSchema.parse({
    candidateId: draft.candidateId,
    title,
    ...(description ? { description: description.slice(0, 2000) } : {}),
    commitment: draft.commitment,
    contextIds: input.previous?.contextIds ?? [],
    tally: input.tally.map((t) => ({ candidateId: t.candidateId, text: t.text, votes: t.votes })),
    rationale,
    decidedAt: input.now.toISOString(),
    ...(chosen?.notes ? { fromNotes: chosen.notes.map((note) => ({ id: note.id, text: note.text })) } : {}),
  });
  return { objective };
}

/** The candidate the confirm form starts on: the current decision, else the top of the vote, else the first card. */
export function defaultCandidateId(tally: readonly TallyEntry[], current: Objective | null, candidates: readonly { id: string }[]): string {
  if (current && candidates.some((c) => c.id === current.candidateId)) return current.candidateId;
  const top = tally[0];
  if (top && top.votes > 0 && candidates.some((c) => c.id === top.candidateId)) return top.candidateId;
  return candidates[0]?.id ?? '';
}

/** Where the chosen candidate stood in the vote, for the decision record: "5 of 12 dots, the most". */
export function voteLine(tally: readonly TallyEntry[], candidateId: string): string {
  const total = tally.reduce((sum, t) => sum + t.votes, 0);
  if (total === 0) return 'Chosen without a dot vote';
  const votes = tally.find((t) => t.candidateId === candidateId)?.votes ?? 0;
  const most = Math.max(...tally.map((t) => t.votes));
  const tied = tally.filter((t) => t.votes === most).length > 1;
  const standing = votes < most ? 'not the most' : tied ? 'tied for the most' : 'the most';
  return `${votes} of ${total} dot${total === 1 ? '' : 's'}, ${standing}`;
}

/** Every entry with the highest count above zero: the cards to highlight after the vote. */
export function topIds(tally: readonly TallyEntry[]): Set<string> {
  const most = Math.max(0, ...tally.map((t) => t.votes));
  return new Set(most === 0 ? [] : tally.filter((t) => t.votes === most).map((t) => t.candidateId));
}

/** The other candidates with as many dots as the chosen one, when it was tied for the most: the tie the record names. */
export function tiedWith(tally: readonly TallyEntry[], candidateId: string): TallyEntry[] {
  const votes = tally.find((t) => t.candidateId === candidateId)?.votes ?? 0;
  const most = Math.max(0, ...tally.map((t) => t.votes));
  if (votes === 0 || votes < most) return [];
  return tally.filter((t) => t.candidateId !== candidateId && t.votes === votes);
}
