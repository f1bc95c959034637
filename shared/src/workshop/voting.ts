import type { Ballot, Voting } from '../schema/index.ts';

export type Dots = Readonly<Record<string, number>>;

export type VoteRefusal = 'voting-not-open' | 'no-dots-left' | 'cap-reached' | 'unknown-candidate' | 'no-dot-here' | 'round-over';

export const VOTE_REFUSAL_MESSAGES: Record<VoteRefusal, string> = {
  'voting-not-open': 'Voting is not open: the facilitator opens it.',
  'no-dots-left': 'All your dots are placed: take one back to move it.',
  'cap-reached': 'This card already has as many of your dots as one card may take.',
  'unknown-candidate': 'That card is gone.',
  'no-dot-here': 'You have no dot on this card.',
  'round-over': 'That vote is over: the facilitator opened a new one.',
};

/**
 * Whether a whole ballot keeps the round's rules: the round is the open one, every dot is on a
 * candidate of the ballot (a card or a cluster, see `ballotIds`), no candidate has more than the cap and the dots stay within the budget. The
 * server checks every ballot cast with this; null means it may be kept.
 */
export function checkBallot(roundId: string, dots: Dots, voting: Voting, candidateIds: ReadonlySet<string>): VoteRefusal | null {
  if (voting.status !== 'open') return 'voting-not-open';
  if (roundId !== voting.roundId) return 'round-over';
  for (const [candidateId, n] of Object.entries(dots)) {
    if (n > 0 && !candidateIds.has(candidateId)) return 'unknown-candidate';
    if (n > voting.capPerItem) return 'cap-reached';
  }
  return dotsUsed(dots) > voting.dotsPerPerson ? 'no-dots-left' : null;
}

/**
 * The ballots that count in a round, one per voter after seat merges: `resolve` maps a voter id
 * to the seat it counts as (proxy ids map to themselves); of two ballots that now share a voter,
 * the one cast last counts (castAt), as the person's latest word.
 */
export function countableBallots(ballots: readonly Ballot[], resolve: (voterId: string) => string): Ballot[] {
  const byVoter = new Map<string, Ballot>();
  for (const ballot of ballots) {
    const voterId = resolve(ballot.voterId);
    const kept = byVoter.get(voterId);
    if (!kept || (ballot.castAt ?? 0) > (kept.castAt ?? 0)) byVoter.set(voterId, { ...ballot, voterId });
  }
  return [...byVoter.values()].sort((a, b) => (a.voterId < b.voterId ? -1 : 1));
}

export function dotsUsed(dots: Dots): number {
  return Object.values(dots).reduce((sum, n) => sum + n, 0);
}

/** Places one more dot, within the budget and the per-card cap. Returns the new dots or why not. */
export function addDot(dots: Dots, candidateId: string, voting: Voting, candidateIds: ReadonlySet<string>): Dots | VoteRefusal {
  if (voting.status !== 'open') return 'voting-not-open';
  if (!candidateIds.has(candidateId)) return 'unknown-candidate';
  if (dotsUsed(dots) >= voting.dotsPerPerson) return 'no-dots-left';
  const here = dots[candidateId] ?? 0;
  if (here >= voting.capPerItem) return 'cap-reached';
  return { ...dots, [candidateId]: here + 1 };
}

export function removeDot(dots: Dots, candidateId: string, voting: Voting): Dots | VoteRefusal {
  if (voting.status !== 'open') return 'voting-not-open';
  const here = dots[candidateId] ?? 0;
  if (here === 0) return 'no-dot-here';
  const next = { ...dots };
  if (here === 1) delete next[candidateId];
  else next[candidateId] = here - 1;
  return next;
}

/**
 * Counts the round's dots per candidate on the ballot (a card, or a cluster: see `ballotCandidates`). A ballot is counted only within the rules (a modified
 * client cannot stuff the box): dots beyond the cap or the budget, and dots on cards that are
 * gone, are ignored.
 */
export function tally(ballots: readonly Ballot[], candidates: readonly { id: string; text: string }[], voting: Voting): { candidateId: string; text: string; votes: number }[] {
  const counts = new Map(candidates.map((c) => [c.id, 0]));
  for (const ballot of ballots) {
    if (ballot.roundId !== voting.roundId) continue;
    let budget = voting.dotsPerPerson;
    for (const [candidateId, n] of Object.entries(ballot.dots).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!counts.has(candidateId) || budget <= 0) continue;
      const counted = Math.min(n, voting.capPerItem, budget);
      budget -= counted;
      counts.set(candidateId, (counts.get(candidateId) ?? 0) + counted);
    }
  }
  return candidates
    .map((c) => ({ candidateId: c.id, text: c.text, votes: counts.get(c.id) ?? 0 }))
    // Stable sort: equal votes keep the board's order.
    .sort((a, b) => b.votes - a.votes);
}

/** Tallies stay hidden while voting is open so early dots do not steer the room. */
export function talliesVisible(voting: Voting): boolean {
  return voting.status === 'closed';
}

/** Who in the room has dots left to place, for the facilitator's "not voted yet" list. */
export function notDoneVoting(people: readonly { id: string; name: string }[], ballots: readonly Ballot[], voting: Voting): { id: string; name: string; left: number }[] {
  const used = new Map(ballots.filter((b) => b.roundId === voting.roundId).map((b) => [b.voterId, dotsUsed(b.dots)]));
  return people
    .map((p) => ({ ...p, left: Math.max(0, voting.dotsPerPerson - (used.get(p.id) ?? 0)) }))
    .filter((p) => p.left > 0);
}

/** Voter id for a proxy vote the facilitator casts for someone without a device. */
export function proxyVoterId(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'guest';
  return `proxy-${slug}`;
}
