import type { IncomingMessage } from 'node:http';
import { bearerKey } from '../access.ts';
import { limitKey } from '../clientAddress.ts';
import { RateLimiter, type AddressLimiter } from '../relay/rateLimiter.ts';
import { hashKey, keyMatches } from '../store/keys.ts';
import { HttpError } from './json.ts';

export const HOUR_MS = 60 * 60 * 1000;

/**
 * Who may create a room: with CREATE_ROOM_TOKEN set, only a request carrying it
 * (`Authorization: Bearer <token>`); and each address at most MAX_ROOMS_CREATED_PER_IP_PER_HOUR
 * times an hour, counted before the token is checked so guessing it is limited too. Shared mode
 * passes a limiter counted across instances.
 */
export class RoomCreationGate {
  private readonly perAddress: AddressLimiter;
  private readonly tokenHash: Buffer | undefined;

  constructor(token: string | undefined, perHour: number, perAddress?: AddressLimiter) {
    this.perAddress = perAddress ?? new RateLimiter(perHour, HOUR_MS);
    this.tokenHash = token === undefined ? undefined : hashKey(token);
  }

  /** Throws the HttpError to answer with (429 with Retry-After, or 401), or returns when the request may create a room. */
  async admit(req: IncomingMessage, now = Date.now()): Promise<void> {
    if (!(await this.perAddress.take(limitKey(req.socket.remoteAddress), now))) {
      const seconds = Math.max(1, Math.ceil(this.perAddress.msUntilReset(now) / 1000));
      throw new HttpError(429, 'too_many_rooms', `This address has created too many rooms; try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
    }
    if (!this.tokenHash) return;
    const token = bearerKey(req.headers.authorization);
    if (token === undefined || !keyMatches(token, this.tokenHash)) {
      throw new HttpError(401, 'create_token_required', 'This server needs a room-creation token: send it as "Authorization: Bearer <token>" (ask whoever runs the server).');
    }
  }
}
