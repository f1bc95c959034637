import type { Ballot, Candidate, Voting } from '../schema/index.ts';

export type Dots = Readonly<Record<string, number>>;

export type VoteRefusal = 'voting-not-open' | 'no-dots-left' | 'cap-reached' | 'unknown-candidate' | 'no-dot-here';

export const VOTE_REFUSAL_MESSAGES: Record<VoteRefusal, string> = {
  'voting-not-open': 'Voting is not open: the facilitator opens it.',
  'no-dots-left': 'All your dots are placed: take one back to move it.',
  'cap-reached': 'This card already has as many of your dots as one card may take.',
  'unknown-candidate': 'That card is gone.',
  'no-dot-here': 'You have no dot on this card.',
};

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
 * Counts the round's dots per candidate. A ballot is counted only within the rules (a modified
 * client cannot stuff the box): dots beyond the cap or the budget, and dots on cards that are
 * gone, are ignored.
 */
export function tally(ballots: readonly Ballot[], candidates: readonly Candidate[], voting: Voting): { candidateId: string; text: string; votes: number }[] {
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
