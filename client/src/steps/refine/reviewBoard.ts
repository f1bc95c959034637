import { findingKey, reviewOkrs, type DateContext, type Finding, type FindingTargetKind } from '@okr/shared/review';
import type { Candidate, ContextItem, Initiative, KeyResult, Objective, ParkedItem, Workshop } from '@okr/shared/schema';
import { candidateStatus, parkedCandidateIds } from '@okr/shared/workshop';

/** The board's records as the refine step reads them; each list is the collection's cached one. */
export type BoardSnapshot = {
  workshop: Workshop;
  context: readonly ContextItem[];
  objective: Objective | null;
  keyResults: readonly KeyResult[];
  initiatives: readonly Initiative[];
  parked: readonly ParkedItem[];
  candidates: readonly Candidate[];
};

/**
 * Every finding on the board, dismissed ones included (the step shows those collapsed). Reviews the
 * records as they are rather than `buildExport`: that also validates a whole export and drops the
 * dismissed findings, and this runs on every edit. Same rules, same ids and the same year for dates
 * written without one, so the keys match what the export leaves out.
 */
export function reviewBoard(board: BoardSnapshot, year: number): Finding[] {
  const parkedFrom = parkedCandidateIds(board.parked);
  return reviewOkrs(
    {
      workshop: board.workshop,
      // ReviewInput's arrays are mutable types; the review never writes to them, the copies are for the types.
      context: [...board.context],
      objective: board.objective,
      keyResults: [...board.keyResults],
      initiatives: [...board.initiatives],
      parked: [...board.parked],
      candidates: board.candidates.map((candidate) => ({ id: candidate.id, status: candidateStatus(candidate, board.objective, parkedFrom) })),
    },
    { year },
  );
}

/** How dates without a year are read: against the cycle, else the current year, as the export does. */
export function dateContext(workshop: Workshop, year: number): DateContext {
  return {
    ...(workshop.cycleStart ? { cycleStart: workshop.cycleStart } : {}),
    ...(workshop.cycleEnd ? { cycleEnd: workshop.cycleEnd } : {}),
    year,
  };
}

export type TargetFindings = { active: Finding[]; dismissed: { finding: Finding; by: string }[] };

/** Findings for the targets `kinds` (and `id`, when given), split into shown and dismissed. */
export function findingsFor(
  findings: readonly Finding[],
  dismissedBy: ReadonlyMap<string, string>,
  kinds: readonly FindingTargetKind[],
  id?: string,
): TargetFindings {
  const out: TargetFindings = { active: [], dismissed: [] };
  for (const finding of findings) {
    if (!kinds.includes(finding.target.kind) || (id !== undefined && finding.target.id !== id)) continue;
    const by = dismissedBy.get(findingKey(finding));
    if (by === undefined) out.active.push(finding);
    else out.dismissed.push({ finding, by });
  }
  return out;
}
