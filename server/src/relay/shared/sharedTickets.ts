import { z } from 'zod';
import type { Role } from '../../access.ts';
import type { RedisBus } from '../../bus/redisBus.ts';
import { hashKey, newSecret } from '../../store/keys.ts';
import { TICKET_TTL_MS } from '../tickets.ts';

const grantSchema = z.object({
  roomId: z.string(),
  role: z.enum(['facilitator', 'participant', 'viewer']),
  /** base64url of the hash of the key the ticket was exchanged for; null for the open participant link. */
  keyHash: z.string().nullable(),
  seatSecret: z.string().optional(),
});
/** `keyHash` lets the redeeming instance check the key was not rotated away meanwhile (sharedAdmission.ts). */
type Grant = { roomId: string; role: Role; keyHash: Buffer | null; seatSecret?: string | undefined };

/**
 * TicketBook for shared mode: a ticket issued by one instance is redeemed on whichever the
 * balancer picks for the websocket, so grants live in Redis (by the ticket's hash, expiring, taken
 * with GETDEL so each is used once).
 */
export class SharedTickets {
  constructor(private readonly bus: RedisBus) {}

  /** The device's seat secret rides along (for at most TICKET_TTL_MS, taken once), as in TicketBook. */
  async issue(grant: Grant): Promise<string> {
    const ticket = newSecret();
    await this.bus.putExpiring(this.key(ticket), JSON.stringify({ roomId: grant.roomId, role: grant.role, keyHash: grant.keyHash?.toString('base64url') ?? null, seatSecret: grant.seatSecret }), TICKET_TTL_MS);
    return ticket;
  }

  async redeem(ticket: string): Promise<Grant | undefined> {
    const stored = await this.bus.take(this.key(ticket));
    if (stored === null) return undefined;
    const parsed = grantSchema.safeParse(JSON.parse(stored));
    return parsed.success ? { ...parsed.data, keyHash: parsed.data.keyHash === null ? null : Buffer.from(parsed.data.keyHash, 'base64url') } : undefined;
  }

  private key(ticket: string): string {
    return `ticket:${hashKey(ticket).toString('base64url')}`;
  }
}
