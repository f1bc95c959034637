import type { Ballot, Voting } from '../schema/index.ts';
import { dotsUsed, notDoneVoting } from './voting.ts';

export type RoomPerson = { id: string; name: string; role: 'facilitator' | 'participant' };
export type Voter = { id: string; name: string; left: number };

/** One connection to the room, as the server sees it: the seat it holds (after merges) and what it showed. */
export type SeatConnection = {
  seatId: string;
  /** The seat's name ('' until named). */
  name: string;
  role: 'facilitator' | 'participant' | 'viewer';
  /** Whether it shows presence on the board (the app does as soon as it joins). */
  showsPresence: boolean;
};

/**
 * The people in the room, one per seat, for "N of M have voted" and "not voted yet". A seat with
 * several connections (two devices, two tabs, the app's board and control sockets) is one person,
 * the facilitator if any of them is; projector and view-only links are nobody; and a seat counts
 * once it said who it is, by a name or by showing presence: a connection that never did (a sync
 * tool, a script reading the board) is not someone the room waits for.
 * Example: Ana on a laptop and a phone, a projector, a stock client that only reads → [Ana].
 */
export function peopleHere(connections: readonly SeatConnection[]): RoomPerson[] {
  const bySeat = new Map<string, RoomPerson>();
  const said = new Set<string>();
  for (const c of connections) {
    if (c.role === 'viewer') continue;
    if (c.name || c.showsPresence) said.add(c.seatId);
    const role = bySeat.get(c.seatId)?.role === 'facilitator' || c.role === 'facilitator' ? 'facilitator' : 'participant';
    bySeat.set(c.seatId, { id: c.seatId, name: c.name || 'Someone', role });
  }
  return [...bySeat.values()].filter((p) => said.has(p.id));
}

export type VotingProgress = {
  /** People expected to vote this round. */
  total: number;
  /** Of those, how many have placed all their dots. */
  done: number;
  /** Who still has dots to place, for the facilitator's "not voted yet" list. */
  notDone: Voter[];
  /** Proxy ballots the facilitator has started this round, so they can carry on with one. */
  proxies: Voter[];
};

/**
 * Who is expected to vote in this round and how many have placed all their dots. Everyone in the
 * room as a participant counts; the facilitator only once they vote; anyone else with a ballot
 * (a proxy vote, someone who has since left) counts too.
 * Example: Ana done, Bo with 2 left, facilitator not voting → { total: 2, done: 1 }.
 */
export function votingProgress(people: readonly RoomPerson[], ballots: readonly Ballot[], voting: Voting): VotingProgress {
  const round = ballots.filter((b) => b.roundId === voting.roundId);
  const hasBallot = new Set(round.map((b) => b.voterId));
  const voters = new Map<string, { id: string; name: string }>();
  for (const person of people) {
    if (person.role === 'participant' || hasBallot.has(person.id)) voters.set(person.id, { id: person.id, name: person.name });
  }
  for (const ballot of round) {
    if (!voters.has(ballot.voterId) && (ballot.proxy || dotsUsed(ballot.dots) > 0)) voters.set(ballot.voterId, { id: ballot.voterId, name: ballot.voterName });
  }
  const everyone = [...voters.values()];
  const notDone = notDoneVoting(everyone, round, voting).sort((a, b) => a.name.localeCompare(b.name));
  const proxies = round
    .filter((b) => b.proxy)
    .map((b) => ({ id: b.voterId, name: b.voterName, left: Math.max(0, voting.dotsPerPerson - dotsUsed(b.dots)) }));
  return { total: everyone.length, done: everyone.length - notDone.length, notDone, proxies };
}

/** "5 of 7 have voted": the only progress the room and the projector see while voting is open. */
export function progressLine(progress: Pick<VotingProgress, 'total' | 'done'>): string {
  if (progress.total === 0) return 'Nobody has voted yet';
  return `${progress.done} of ${progress.total} ${progress.total === 1 ? 'has' : 'have'} voted`;
}
