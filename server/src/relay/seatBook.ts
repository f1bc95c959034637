import { newRecordId, type Seat } from '@okr/shared/schema';
import type { PrivateDoc } from '@okr/shared/doc';
import type { Role } from '../access.ts';
import { hashKey, isWellFormedSecret } from '../store/keys.ts';

/** What the room's policy code reads off a connection: which seat it holds, under which role. */
export type SeatRef = { readonly id: string; readonly role: Role };

export class SeatError extends Error {
  override name = 'SeatError';
  constructor(
    readonly code: 'unknown-seat' | 'same-seat' | 'too-many-seats',
    message: string,
  ) {
    super(message);
  }
}

/** A seat kept in memory until something needs it stored. */
type UnstoredSeat = { seat: Seat; address: string | undefined; keyHash: string | undefined };

/**
 * The room's seats. A connection that brings a seat secret gets the seat that secret claims (a new
 * one, stored, the first time); one without (a stock client) gets a fresh seat that lives in
 * memory until something it does needs it stored (see `keep`), so reconnect loops cost nothing.
 * New seats are stored only while `mayStoreNew` allows for the address they came from (the
 * room's budget of new seats per address): a modified client reconnecting with a fresh secret (or
 * none) each time, and voting from each, would otherwise store a seat per connection, for good,
 * each one a row on the facilitator's People screen. Past it, a new secret gets a seat in memory
 * like a stock client's, found again by its secret while it is connected, and such a seat's vote
 * is refused (`too-many-seats`) until the budget refills.
 */
export class SeatBook {
  /** Seats of connections without a secret (or a new secret past the budget), until kept: the address each came from, and the secret's hash if it came with one. */
  private readonly unstored = new Map<string, UnstoredSeat>();
  /** Those that came with a secret, by its hash, so a reconnect with it finds the same seat. */
  private readonly unstoredByKey = new Map<string, string>();

  constructor(
    private readonly doc: () => PrivateDoc,
    private readonly now: () => number = Date.now,
    private readonly mayStoreNew: (address: string | undefined) => boolean = () => true,
  ) {}

  /** The seat for a connection bringing `secret` (or none). A malformed secret gets a fresh seat too. */
  claim(secret: string | undefined, address?: string): Seat {
    if (secret === undefined || !isWellFormedSecret(secret)) return this.inMemory(address);
    const keyHash = hashKey(secret).toString('base64');
    const known = this.doc().seatIdForKey(keyHash);
    const seat = known === undefined ? undefined : this.doc().resolve(known);
    if (seat) return seat;
    const waiting = this.unstoredByKey.get(keyHash);
    if (waiting !== undefined) return this.unstored.get(waiting)!.seat;
    if (!this.mayStoreNew(address)) return this.inMemory(address, keyHash);
    const created = { id: newRecordId(), name: '', createdAt: this.now() };
    this.doc().putSeat(created);
    this.doc().bindKey(keyHash, created.id);
    return created;
  }

  /** The seat that counts for `id` (after merges), stored or not. */
  resolve(id: string): Seat | undefined {
    return this.unstored.get(id)?.seat ?? this.doc().resolve(id);
  }

  /**
   * Stores a connection's in-memory seat (and its secret, if it came with one), once it holds
   * something that must last (a ballot). A participant's seat (not `byFacilitator`) is stored only
   * within its address's budget: throws SeatError `too-many-seats` past it.
   */
  keep(id: string, byFacilitator = false): void {
    const unstored = this.unstored.get(id);
    if (!unstored) return;
    if (!byFacilitator && !this.mayStoreNew(unstored.address)) {
      throw new SeatError('too-many-seats', 'Too many new seats joined this room from your network in the last hour; try again in a few minutes.');
    }
    this.doc().putSeat(unstored.seat);
    if (unstored.keyHash !== undefined) this.doc().bindKey(unstored.keyHash, id);
    this.forget(id);
  }

  /** Forgets an in-memory seat whose connection left without keeping it. */
  forget(id: string): void {
    const keyHash = this.unstored.get(id)?.keyHash;
    this.unstored.delete(id);
    if (keyHash !== undefined) this.unstoredByKey.delete(keyHash);
  }

  /** Every stored seat that counts, oldest first. */
  stored(): Seat[] {
    return this.doc().activeSeats();
  }

  rename(id: string, name: string): Seat {
    const seat = this.mustResolve(id);
    const renamed = { ...seat, name: name.trim().slice(0, 120) };
    const unstored = this.unstored.get(seat.id);
    if (unstored) unstored.seat = renamed;
    else this.doc().putSeat(renamed);
    return renamed;
  }

  /** Merges `from` into `into`: from then on `from`'s holders act as `into`. Returns the seat kept. */
  merge(fromId: string, intoId: string): Seat {
    const from = this.mustResolve(fromId);
    const into = this.mustResolve(intoId);
    if (from.id === into.id) throw new SeatError('same-seat', 'These are already the same seat.');
    this.keep(from.id, true);
    this.keep(into.id, true);
    this.doc().putSeat({ ...from, mergedInto: into.id });
    return into;
  }

  /** A new secret that claims seat `id` on another device; the facilitator hands it over. */
  handOver(id: string, secret: string): void {
    const seat = this.mustResolve(id);
    this.keep(seat.id, true);
    this.doc().bindKey(hashKey(secret).toString('base64'), seat.id);
  }

  private inMemory(address: string | undefined, keyHash?: string): Seat {
    const seat = { id: newRecordId(), name: '', createdAt: this.now() };
    this.unstored.set(seat.id, { seat, address, keyHash });
    if (keyHash !== undefined) this.unstoredByKey.set(keyHash, seat.id);
    return seat;
  }

  private mustResolve(id: string): Seat {
    const seat = this.resolve(id);
    if (!seat) throw new SeatError('unknown-seat', 'No such seat in this room.');
    return seat;
  }
}
