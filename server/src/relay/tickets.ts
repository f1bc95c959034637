import type { Role } from '../access.ts';
import { hashKey, newSecret } from '../store/keys.ts';

/** What a ticket admits: a role in a room, for as long as the key it was exchanged for stays valid. */
export type TicketGrant = { roomId: string; role: Role; stillValid: () => boolean; seatSecret?: string | undefined };

/** Long enough to open two websockets after the exchange, short enough that a logged ticket is worthless. */
export const TICKET_TTL_MS = 30_000;

/**
 * Short-lived, single-use websocket tickets: the board's client exchanges its key (sent in an
 * Authorization header, which proxies do not log) for one, and puts the ticket in the websocket
 * URL instead of the key. Kept in memory: a restart voids them, and clients ask again.
 */
export class TicketBook {
  private readonly grants = new Map<string, TicketGrant & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(grant: TicketGrant): string {
    this.sweep();
    const ticket = newSecret();
    this.grants.set(hashKey(ticket).toString('base64'), { ...grant, expiresAt: this.now() + TICKET_TTL_MS });
    return ticket;
  }

  /** The grant of an unexpired ticket, which is spent by asking: a second redeem gets nothing. */
  redeem(ticket: string): TicketGrant | undefined {
    const id = hashKey(ticket).toString('base64');
    const grant = this.grants.get(id);
    this.grants.delete(id);
    if (!grant || grant.expiresAt <= this.now()) return undefined;
    return { roomId: grant.roomId, role: grant.role, stillValid: grant.stillValid, seatSecret: grant.seatSecret };
  }

  size(): number {
    return this.grants.size;
  }

  /** Unredeemed tickets expire; drop them so a client that asks and never connects costs nothing. */
  private sweep(): void {
    const now = this.now();
    for (const [id, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(id);
  }
}
