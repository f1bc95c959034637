import type { Logger } from 'pino';
import type { RedisBus } from '../../bus/redisBus.ts';
import { RateLimiter, type AddressLimiter } from '../rateLimiter.ts';

/** A check waits at most this long for Redis before this instance's own count decides. */
const REDIS_TIMEOUT_MS = 250;

/**
 * A per-address limit counted across instances: one Redis counter per address and fixed window
 * (`<name>:<window number>:<address>`, expiring with its window), so an address spread over
 * several instances by the balancer gets the limit once, not once per instance. Windows follow the
 * wall clock, the same on every instance.
 *
 * When Redis does not answer, this instance's own count decides (each instance then allows the
 * limit on its own): neither open (no limit at all while Redis is down) nor closed (refusing
 * everyone would stop every workshop for an outage that otherwise only slows edits crossing
 * instances). docs/operations.md says so.
 */
export class SharedRateLimiter implements AddressLimiter {
  private readonly local: RateLimiter;
  private degraded = false;

  constructor(
    private readonly bus: RedisBus,
    private readonly log: Logger,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.local = new RateLimiter(limit, windowMs);
  }

  async take(address: string, now = Date.now()): Promise<boolean> {
    try {
      const used = await this.bus.increment(this.key(address, now), this.windowMs, REDIS_TIMEOUT_MS);
      this.recovered();
      return used <= this.limit;
    } catch (err) {
      this.fellBack(err);
      return this.local.take(address, now);
    }
  }

  async exhausted(address: string, now = Date.now()): Promise<boolean> {
    try {
      const used = await this.bus.counter(this.key(address, now), REDIS_TIMEOUT_MS);
      this.recovered();
      return used >= this.limit;
    } catch (err) {
      this.fellBack(err);
      return this.local.exhausted(address, now);
    }
  }

  msUntilReset(now = Date.now()): number {
    return this.windowMs - (now % this.windowMs);
  }

  private key(address: string, now: number): string {
    return `limit:${this.name}:${Math.floor(now / this.windowMs)}:${address}`;
  }

  /** Logged once per outage, not once per check. */
  private fellBack(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.log.warn({ err: (err as Error).message, limit: this.name }, 'redis unreachable: per-address limit counted by this instance alone until it is back');
  }

  private recovered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.log.info({ limit: this.name }, 'redis back: per-address limit counted across instances again');
  }
}
