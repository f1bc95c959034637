import { ORIGIN, type BoardDoc, type ControlDoc, type PrivateDoc } from '@okr/shared/doc';
import type { Ballot, ControlState, Seat, VoteResult } from '@okr/shared/schema';
import {
  averageConfidence,
  ballotCandidates,
  ballotIds,
  checkBallot,
  countableBallots,
  dotsUsed,
  FIST_OF_FIVE,
  proxyVoterId,
  tally,
  VOTE_REFUSAL_MESSAGES,
  votingProgress,
  type BallotCandidate,
  type Dots,
  type RoomPerson,
} from '@okr/shared/workshop';
import type { Role } from '../access.ts';
import { RequestError } from './roomRequests.ts';
import { SeatError, type SeatBook } from './seatBook.ts';

/** What the votes need of their room: its documents, its seats, who is here, and a way to tell people. */
export type VoteRoom = {
  readonly seats: SeatBook;
  privateState(): PrivateDoc;
  controlView(): ControlDoc;
  boardView(): BoardDoc;
  /** Seats connected now, with the highest role each holds (viewers hold none). */
  people(): RoomPerson[];
  pushToSeat(seatId: string, event: string, data: unknown): void;
  pushToFacilitators(event: string, data: unknown): void;
};

export type BallotView = { roundId: string; dots: Dots };

/**
 * Dot votes and confidence votes the server counts. Ballots live in the private document, so no
 * participant, viewer or modified client can read or change anyone else's; the server checks each
 * against the round's rules, tells the facilitator only counts and names while the round is open,
 * and writes the tally into the control document (under its own origin) when the facilitator
 * closes it. Confidence votes stay blind until the facilitator reveals a key result.
 */
export class RoomVotes {
  constructor(private readonly room: VoteRoom) {}

  /** Replaces the caller's ballot for the round (or, for a facilitator, `proxyFor`'s): repeatable. */
  castBallot(seat: Seat, role: Role, input: { roundId: string; dots: Record<string, number>; proxyFor?: string | undefined }): BallotView {
    const { voting } = this.control();
    const dots = withoutZeros(input.dots);
    const refusal = checkBallot(input.roundId, dots, voting, ballotIds(this.ballot()));
    if (refusal) throw new RequestError(refusal, VOTE_REFUSAL_MESSAGES[refusal]);
    let ballot: Ballot;
    if (input.proxyFor !== undefined) {
      if (role !== 'facilitator') throw new RequestError('forbidden', 'Only the facilitator votes on behalf of someone.');
      const name = input.proxyFor.trim();
      ballot = { roundId: input.roundId, voterId: proxyVoterId(name), voterName: name, proxy: true, dots, castAt: Date.now() };
    } else {
      keepSeat(this.room.seats, seat.id, role === 'facilitator');
      ballot = { roundId: input.roundId, voterId: seat.id, voterName: seat.name, dots, castAt: Date.now() };
    }
    this.room.privateState().putBallot(ballot);
    const view = { roundId: input.roundId, dots };
    if (!ballot.proxy) this.room.pushToSeat(seat.id, 'ballot', view);
    this.publishProgress();
    return view;
  }

  /** The caller's own votes: this round's dots and its blind confidence votes. */
  myVotes(seat: Seat): { ballot: BallotView; confidence: Record<string, number> } {
    const { voting } = this.control();
    const mine = this.countable(voting.roundId).find((b) => b.voterId === seat.id);
    const confidence: Record<string, number> = {};
    for (const kr of this.room.boardView().keyResults.list()) {
      const vote = this.confidenceVotes(kr.id).find((v) => v.voterId === seat.id);
      if (vote) confidence[kr.id] = vote.value;
    }
    return { ballot: { roundId: voting.roundId, dots: mine?.dots ?? {} }, confidence };
  }

  /** The facilitator's view of the open round: who has voted, who has not, the proxy ballots and their dots. */
  progress(): { roundId: string; total: number; done: number; notDone: { id: string; name: string; left: number }[]; proxies: { id: string; name: string; left: number; dots: Dots }[] } {
    const { voting } = this.control();
    const ballots = this.countable(voting.roundId).map((b) => (b.proxy ? b : { ...b, voterName: this.room.seats.resolve(b.voterId)?.name || b.voterName }));
    const progress = votingProgress(this.room.people(), ballots, voting);
    const dotsOf = new Map(ballots.map((b) => [b.voterId, b.dots]));
    return { roundId: voting.roundId, ...progress, proxies: progress.proxies.map((p) => ({ ...p, dots: dotsOf.get(p.id) ?? {} })) };
  }

  /** Seats that have placed all their dots in the open round (after merges), as "N of M" counts them, for the People screen; null when no round is open. */
  votedSeats(): Set<string> | null {
    const { voting } = this.control();
    if (voting.status !== 'open') return null;
    return new Set(this.countable(voting.roundId).filter((b) => !b.proxy && dotsUsed(b.dots) >= voting.dotsPerPerson).map((b) => b.voterId));
  }

  /** Who is here changed, or a ballot: the room's count and the facilitator's list follow. */
  publishProgress(): void {
    const { voting, votingCount } = this.control();
    if (voting.status !== 'open') return;
    const progress = this.progress();
    if (votingCount?.roundId !== voting.roundId || votingCount.done !== progress.done || votingCount.total !== progress.total) {
      this.room.controlView().set({ votingCount: { roundId: voting.roundId, done: progress.done, total: progress.total } }, ORIGIN.server);
    }
    this.room.pushToFacilitators('votingProgress', progress);
  }

  /** Follows the facilitator's control changes: a round closed gets its tally, a key result revealed its votes. */
  afterControlChange(before: ControlState, after: ControlState): void {
    const opened = after.voting.status === 'open' && (before.voting.status !== 'open' || before.voting.roundId !== after.voting.roundId);
    if (opened) this.publishProgress();
    if (after.voting.status === 'closed' && before.voting.status === 'open' && before.voting.roundId === after.voting.roundId) this.close(after);
    const results = { ...after.confidenceResults };
    let changed = false;
    for (const [keyResultId, revealed] of Object.entries(after.confidenceRevealed)) {
      if (revealed && !before.confidenceRevealed[keyResultId]) {
        const values = this.confidenceVotes(keyResultId).map((v) => v.value).sort((a, b) => a - b);
        const average = averageConfidence(values);
        if (average !== undefined) results[keyResultId] = { values, average };
        changed = true;
      } else if (!revealed && results[keyResultId]) {
        delete results[keyResultId];
        changed = true;
      }
    }
    if (changed) this.room.controlView().set({ confidenceResults: results }, ORIGIN.server);
  }

  /** One blind vote per seat on a key result, changeable until the facilitator reveals it. */
  castConfidence(seat: Seat, input: { keyResultId: string; value: number }): { keyResultId: string; value: number } {
    if (!this.room.boardView().keyResults.has(input.keyResultId)) throw new RequestError('unknown-key-result', 'That key result is gone.');
    if (this.control().confidenceRevealed[input.keyResultId]) throw new RequestError('revealed', 'The votes on this key result are revealed: the facilitator hides them to vote again.');
    if (!FIST_OF_FIVE.some((f) => f.value === input.value)) throw new RequestError('invalid-value', 'A confidence vote is 0 to 5 fingers.');
    keepSeat(this.room.seats, seat.id);
    this.room.privateState().putConfidenceVote({ keyResultId: input.keyResultId, voterId: seat.id, value: input.value });
    const count = this.confidenceVotes(input.keyResultId).length;
    const counts = this.control().confidenceCounts;
    if (counts[input.keyResultId] !== count) this.room.controlView().set({ confidenceCounts: { ...counts, [input.keyResultId]: count } }, ORIGIN.server);
    this.room.pushToSeat(seat.id, 'confidence', input);
    return input;
  }

  private close(state: ControlState): void {
    const { voting, anonymous } = state;
    const ballots = this.countable(voting.roundId).filter((b) => dotsUsed(b.dots) > 0);
    const voters = anonymous
      ? null
      : ballots
          .map((b) => (b.proxy ? { name: b.voterName, proxy: true } : { name: this.room.seats.resolve(b.voterId)?.name || 'Someone' }))
          .sort((a, b) => a.name.localeCompare(b.name));
    const result: VoteResult = { roundId: voting.roundId, tally: tally(ballots, this.ballot(), voting), ballots: ballots.length, voters };
    this.room.controlView().set({ voteResult: result, votingCount: null }, ORIGIN.server);
  }

  /** What dots may go on: the cards not discarded, and the Draft canvas's named clusters as one candidate each. */
  private ballot(): BallotCandidate[] {
    const board = this.room.boardView();
    return ballotCandidates(board.candidates.list(), board.clusters.list());
  }

  /** The round's ballots after seat merges, one per voter. */
  private countable(roundId: string): Ballot[] {
    if (!roundId) return [];
    return countableBallots(this.room.privateState().ballotsFor(roundId), (id) => (id.startsWith('proxy-') ? id : (this.room.seats.resolve(id)?.id ?? id)));
  }

  /** A key result's confidence votes after seat merges: one per seat, the kept seat's own vote first. */
  private confidenceVotes(keyResultId: string): { voterId: string; value: number }[] {
    const bySeat = new Map<string, { voterId: string; value: number }>();
    for (const vote of this.room.privateState().confidenceVotesFor(keyResultId)) {
      const seatId = this.room.seats.resolve(vote.voterId)?.id ?? vote.voterId;
      if (!bySeat.has(seatId) || vote.voterId === seatId) bySeat.set(seatId, { voterId: seatId, value: vote.value });
    }
    return [...bySeat.values()];
  }

  private control(): ControlState {
    return this.room.controlView().state();
  }
}

/** Stores the voter's seat before its vote, or refuses the vote as an answer (the connection stays). */
function keepSeat(seats: SeatBook, seatId: string, byFacilitator = false): void {
  try {
    seats.keep(seatId, byFacilitator);
  } catch (err) {
    if (err instanceof SeatError) throw new RequestError(err.code, err.message);
    throw err;
  }
}

function withoutZeros(dots: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0));
}
