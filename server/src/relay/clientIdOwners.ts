import * as Y from 'yjs';
import { SERVER_OWNER, type ClientIdBindings, type DecodedUpdate } from '@okr/shared/doc';
import { SERVER_CLIENT_ID } from './serverClientId.ts';

/** A connection announces few Yjs client ids (one per document and page load); more is not a client. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 8;

export class ForeignClientIdError extends Error {
  override name = 'ForeignClientIdError';
}

/** What the owners need of the room's seats: which seat counts for an id (after merges), and whether it is stored. */
export type SeatLookup = { resolve(seatId: string): string | undefined; isStored(seatId: string): boolean };

/**
 * Which seat each Yjs client id of a room belongs to: the first seat to use it, for presence or a
 * write, owns it; the server owns the ids of its own changes. Presence goes out on connect, before
 * anyone else can learn a person's id, so an honest client announces its id before it can be taken.
 *
 * A stored seat's ids (a seat with a secret) are kept in the private document and outlive
 * restarts; the ids of a seat that lives only as long as its connection (a stock client without a
 * secret) are kept in memory until its last connection leaves, so that client can reconnect with
 * the same Yjs document and a fresh seat.
 */
export class ClientIdOwners {
  private readonly transient = new Map<number, string>();

  constructor(
    private readonly durable: () => ClientIdBindings,
    private readonly seats: SeatLookup,
  ) {}

  /** The seat (after merges) or SERVER_OWNER that owns `clientId`, if any. */
  ownerOf(clientId: number): string | undefined {
    // Reserved before the server first writes, so nobody can take it on a fresh room.
    if (clientId === SERVER_CLIENT_ID) return SERVER_OWNER;
    const owner = this.transient.get(clientId) ?? this.durable().ownerOf(clientId);
    if (owner === undefined || owner === SERVER_OWNER) return owner;
    return this.seats.resolve(owner) ?? owner;
  }

  /** Whether `seatId` may use `clientId`: nobody owns it yet, or the seat does. */
  mayUse(clientId: number, seatId: string): boolean {
    const owner = this.ownerOf(clientId);
    return owner === undefined || owner === (this.seats.resolve(seatId) ?? seatId);
  }

  /** Gives `seatId` the ids nobody owns yet; returns how many it took. */
  claim(clientIds: Iterable<number>, seatId: string): number {
    let taken = 0;
    for (const clientId of clientIds) {
      if (this.ownerOf(clientId) !== undefined) continue;
      if (this.seats.isStored(seatId)) this.durable().bind(clientId, seatId);
      else this.transient.set(clientId, seatId);
      taken++;
    }
    return taken;
  }

  /** The server wrote under `clientId`: nobody else may. */
  claimForServer(clientId: number): void {
    if (this.ownerOf(clientId) === SERVER_OWNER) return;
    this.transient.delete(clientId);
    this.durable().bind(clientId, SERVER_OWNER);
  }

  /** The seat's last connection left: ids it held only in memory are free again. */
  release(seatId: string): void {
    for (const [clientId, owner] of this.transient) if (owner === seatId) this.transient.delete(clientId);
  }
}

/**
 * The Yjs client ids an update writes new structs under: past what the document already has of
 * that client (`known`, its state vector). A client's full state or sync step 2 carries everyone's
 * structs, and passing on what the server already holds is not writing under their id; deleting
 * someone's item is not either. None when it does not decode, which the relay refuses anyway.
 * Takes the bytes or, from a caller that decoded them already, `Y.decodeUpdate`'s structs.
 */
export function writersOf(update: Uint8Array | DecodedUpdate, known: Pick<ReadonlyMap<number, number>, 'get'> = new Map()): number[] {
  let to: Map<number, number>;
  if (update instanceof Uint8Array) {
    try {
      to = Y.parseUpdateMeta(update).to;
    } catch {
      return [];
    }
  } else {
    // As parseUpdateMeta reads it: each client's end is where its last struct (skips included) ends.
    to = new Map();
    for (const struct of update.structs) to.set(struct.id.client, struct.id.clock + struct.length);
  }
  return [...to].filter(([clientId, clock]) => clock > (known.get(clientId) ?? 0)).map(([clientId]) => clientId);
}
