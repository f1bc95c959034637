import type { Candidate, ParkedItem } from '../schema/index.ts';
import { candidateStatus, isChosen, type ChosenRef } from './candidateStatus.ts';

export const LANES = ['unsorted', 'parked', 'discarded'] as const;
export type Lane = (typeof LANES)[number];

export const LANE_TITLES: Record<Lane, string> = { unsorted: 'Unsorted', parked: 'Parked', discarded: 'Discarded' };

/** One card in the Park step: a candidate still to sort or thrown away, or a parked item. */
export type LaneItem = {
  /** `c:<candidateId>` or `p:<parkedItemId>`: unique across lanes, stable while it stays put. */
  key: string;
  lane: Lane;
  text: string;
  /** The candidate behind the card, when it still exists. */
  candidate?: Candidate;
  parked?: ParkedItem;
  /** Grouped with THE objective in the Draft step: often a near-duplicate of it. */
  nearObjective: boolean;
  /** A parked item whose candidate has since become THE objective. */
  isObjective: boolean;
};

export type Lanes = Record<Lane, LaneItem[]>;

/**
 * Sorts the board into the three lanes. THE objective is in none of them. A candidate that has a
 * parked item shows as that item; otherwise a discarded one is discarded, and the rest are
 * unsorted. Things parked that were never candidates are parked too.
 */
export function assignLanes(candidates: readonly Candidate[], parked: readonly ParkedItem[], objective: ChosenRef): Lanes {
  const objectiveCandidateId = objective?.candidateId ?? null;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const objectiveCluster = objectiveCandidateId ? byId.get(objectiveCandidateId)?.clusterId : undefined;
  const near = (c: Candidate | undefined) => Boolean(objectiveCluster && c && c.id !== objectiveCandidateId && c.clusterId === objectiveCluster);
  const lanes: Lanes = { unsorted: [], parked: [], discarded: [] };
  const parkedCandidates = new Set<string>();
  for (const item of parked) {
    const candidate = item.candidateId ? byId.get(item.candidateId) : undefined;
    if (candidate) parkedCandidates.add(candidate.id);
    lanes.parked.push({
      key: `p:${item.id}`,
      lane: 'parked',
      text: item.text,
      ...(candidate ? { candidate } : {}),
      parked: item,
      nearObjective: near(candidate),
      isObjective: Boolean(candidate && isChosen(candidate.id, objective)),
    });
  }
  for (const candidate of candidates) {
    const lane = candidateStatus(candidate, objective, parkedCandidates);
    if (lane === 'chosen' || lane === 'parked') continue;
    lanes[lane].push({ key: `c:${candidate.id}`, lane, text: candidate.text, candidate, nearObjective: near(candidate), isObjective: false });
  }
  return lanes;
}

/** What one move between lanes does to the document, decided before anything is written. */
export type MovePlan =
  | { kind: 'stay' }
  | { kind: 'refuse'; reason: string }
  /** Parking needs a reason first: the form asks, then the move is written. */
  | { kind: 'ask-reason' }
  | { kind: 'write'; candidateId: string; removeParkedId?: string; discarded: boolean };

export function planMove(item: LaneItem, to: Lane): MovePlan {
  if (item.lane === to) return { kind: 'stay' };
  if (to === 'parked') return { kind: 'ask-reason' };
  if (item.lane === 'parked') {
    if (!item.parked) return { kind: 'refuse', reason: 'That card is gone.' };
    if (!item.candidate) {
      return { kind: 'refuse', reason: `"${item.text}" was never a candidate objective: edit or remove it in the parking lot instead.` };
    }
    return { kind: 'write', candidateId: item.candidate.id, removeParkedId: item.parked.id, discarded: to === 'discarded' };
  }
  if (!item.candidate) return { kind: 'refuse', reason: 'That card is gone.' };
  return { kind: 'write', candidateId: item.candidate.id, discarded: to === 'discarded' };
}

/** Where a keyboard drag goes from `lane` with one arrow press, clamped at both ends. */
export function neighbourLane(lane: Lane, delta: 1 | -1): Lane {
  const index = Math.min(LANES.length - 1, Math.max(0, LANES.indexOf(lane) + delta));
  return LANES[index] ?? lane;
}
