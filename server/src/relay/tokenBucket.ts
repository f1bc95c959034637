/**
 * How a take is paid for:
 * - `prepaid`: a take goes only once the bucket holds its cost, and is refused (nothing charged)
 *   until then. A cost bigger than the whole bucket is charged as a full bucket, or it never would go.
 *   For edits, room requests and sync requests: a sender waits before it may spend.
 * - `onCredit`: a take goes whenever the bucket is not in debt and is charged in full, so one bigger
 *   than the bucket leaves it in debt instead of passing for the price of a full bucket; in any `t`
 *   seconds at most `capacity + rate × t` plus one take goes. For the presence bus, where one message
 *   carries many people's states and must not be cut or cheapened.
 */
export type Charging = 'prepaid' | 'onCredit';

export type TokenBucketOptions = {
  /** The largest burst: the bucket starts full and never holds more. */
  capacity: number;
  /** `refill` tokens come back every `everyMs`, continuously (kept as a pair so per-minute budgets stay exact). */
  refill: number;
  everyMs: number;
  charging: Charging;
};

/**
 * A token bucket with an injectable clock, answering how long to wait rather than only no, so a
 * caller can schedule its retry. `new TokenBucket({ capacity: 1000, refill: 1000, everyMs: 1000,
 * charging: 'prepaid' }, 0).take(1500, 0)` is 0 (taken as 1000); `.take(10, 0)` then is 10 (ms to wait).
 * Ours rather than a library: `limiter` reads its own clock (no table tests) and answers yes/no or
 * a promise, `rate-limiter-flexible` counts windows through promises, and neither charges on credit.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly options: TokenBucketOptions,
    now = Date.now(),
  ) {
    this.tokens = options.capacity;
    this.at = now;
  }

  /** Charges `cost` and returns 0, or charges nothing and returns the milliseconds (at least 1) until the take could go. */
  take(cost: number, now = Date.now()): number {
    const { capacity, refill, everyMs, charging } = this.options;
    this.tokens = Math.min(capacity, this.tokens + ((now - this.at) * refill) / everyMs);
    this.at = now;
    const needed = charging === 'prepaid' ? Math.min(cost, capacity) : 0;
    if (this.tokens < needed) return Math.max(1, Math.ceil(((needed - this.tokens) * everyMs) / refill));
    this.tokens -= charging === 'prepaid' ? needed : cost;
    return 0;
  }
}
