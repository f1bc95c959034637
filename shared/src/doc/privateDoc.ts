import * as Y from 'yjs';
import type { z } from 'zod/mini';
import { ballotSchema, confidenceVoteSchema, seatSchema, type Ballot, type ConfidenceVote, type Seat } from '../schema/index.ts';
import { ORIGIN } from './origins.ts';

/** How many merges deep a seat may point before it is treated as broken (a cycle). */
const MAX_MERGE_DEPTH = 32;

/**
 * The room's server-private document: seats and the hashes of the secrets that claim them, dot-vote
 * ballots and blind confidence votes. It is
 * stored and compacted like the board and control documents, so it survives a restart or a crash
 * the same way, but no connection ever syncs it. Only the server writes it, under ORIGIN.server.
 */
export class PrivateDoc {
  private readonly seats: Y.Map<unknown>;
  /** Secret hash (base64) to seat id; a seat handed over to another device has several. */
  private readonly seatKeys: Y.Map<string>;
  /** `<roundId>:<voterId>` to a ballot; the voter is a seat id, or `proxy-<name>`. */
  private readonly ballots: Y.Map<unknown>;
  /** `<keyResultId>:<seatId>` to a confidence vote. */
  private readonly confidence: Y.Map<unknown>;

  constructor(readonly ydoc: Y.Doc = new Y.Doc()) {
    this.seats = ydoc.getMap('seats');
    this.seatKeys = ydoc.getMap('seatKeys');
    this.ballots = ydoc.getMap('ballots');
    this.confidence = ydoc.getMap('confidenceVotes');
  }

  ballot(roundId: string, voterId: string): Ballot | undefined {
    const parsed = ballotSchema.safeParse(this.ballots.get(`${roundId}:${voterId}`));
    return parsed.success ? parsed.data : undefined;
  }

  /** Every ballot stored for the round, as cast (before seat merges are applied). */
  ballotsFor(roundId: string): Ballot[] {
    return validValues(this.ballots, ballotSchema).filter((ballot) => ballot.roundId === roundId);
  }

  putBallot(ballot: Ballot): void {
    const parsed = ballotSchema.parse(ballot);
    this.ydoc.transact(() => this.ballots.set(`${parsed.roundId}:${parsed.voterId}`, parsed), ORIGIN.server);
  }

  confidenceVotesFor(keyResultId: string): ConfidenceVote[] {
    return validValues(this.confidence, confidenceVoteSchema).filter((vote) => vote.keyResultId === keyResultId);
  }

  putConfidenceVote(vote: ConfidenceVote): void {
    const parsed = confidenceVoteSchema.parse(vote);
    this.ydoc.transact(() => this.confidence.set(`${parsed.keyResultId}:${parsed.voterId}`, parsed), ORIGIN.server);
  }

  seat(id: string): Seat | undefined {
    const parsed = seatSchema.safeParse(this.seats.get(id));
    return parsed.success ? parsed.data : undefined;
  }

  /** Every seat ever issued here that was not merged away, oldest first. */
  activeSeats(): Seat[] {
    const all: Seat[] = [];
    for (const value of this.seats.values()) {
      const parsed = seatSchema.safeParse(value);
      if (parsed.success && !parsed.data.mergedInto) all.push(parsed.data);
    }
    return all.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** The seat that counts for `id`: itself, or the one it was merged into. */
  resolve(id: string): Seat | undefined {
    let seat = this.seat(id);
    for (let depth = 0; seat?.mergedInto && depth < MAX_MERGE_DEPTH; depth++) seat = this.seat(seat.mergedInto);
    return seat?.mergedInto ? undefined : seat;
  }

  seatIdForKey(keyHash: string): string | undefined {
    return this.seatKeys.get(keyHash);
  }

  putSeat(seat: Seat): void {
    const parsed = seatSchema.parse(seat);
    this.ydoc.transact(() => this.seats.set(parsed.id, parsed), ORIGIN.server);
  }

  /** Lets the secret hashed to `keyHash` claim `seatId` (a new seat, or one handed over). */
  bindKey(keyHash: string, seatId: string): void {
    this.ydoc.transact(() => this.seatKeys.set(keyHash, seatId), ORIGIN.server);
  }
}

/** The map's values that parse; anything else is skipped. */
function validValues<T>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): T[] {
  const out: T[] = [];
  for (const value of map.values()) {
    const parsed = schema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
