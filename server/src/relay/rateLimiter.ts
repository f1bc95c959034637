/** A per-address limit: this instance's RateLimiter, or in shared mode one counted across instances (shared/sharedRateLimiter.ts). */
export interface AddressLimiter {
  take(key: string, now?: number): boolean | Promise<boolean>;
  exhausted(key: string, now?: number): boolean | Promise<boolean>;
  msUntilReset(now?: number): number;
}

/** Fixed-window counter per key: at most `limit` takes per `windowMs`. Old windows are dropped as they pass. */
export class RateLimiter implements AddressLimiter {
  private counts = new Map<string, number>();
  private windowStart = Date.now();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    this.roll(now);
    const used = this.counts.get(key) ?? 0;
    if (used >= this.limit) return false;
    this.counts.set(key, used + 1);
    return true;
  }

  /** Whether `key` has used up this window, without taking. */
  exhausted(key: string, now = Date.now()): boolean {
    this.roll(now);
    return (this.counts.get(key) ?? 0) >= this.limit;
  }

  private roll(now: number): void {
    if (now - this.windowStart >= this.windowMs) {
      this.counts = new Map();
      this.windowStart = now;
    }
  }

  /** How long until the current window ends and takes are allowed again. */
  msUntilReset(now = Date.now()): number {
    return Math.max(0, this.windowStart + this.windowMs - now);
  }
}
