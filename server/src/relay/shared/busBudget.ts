/**
 * One room's presence bytes on the bus: a second's worth at once, refilled at `bytesPerSecond`.
 * A message may go whenever the bucket is not in debt and is charged in full, so one bigger than
 * the bucket (many people's states at once) leaves it in debt instead of passing for the price of
 * a full bucket: in any `t` seconds a room sends at most `bytesPerSecond × (t + 1)` plus one message.
 * `new BusBudget(1000, 0).take(1500, 0)` is 0 (sent, 500 in debt); `.take(10, 0)` then is 500 (ms to wait).
 */
export class BusBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly bytesPerSecond: number,
    now = Date.now(),
  ) {
    this.tokens = bytesPerSecond;
    this.at = now;
  }

  /** Charges `bytes` and returns 0, or charges nothing and returns the milliseconds until a message may go. */
  take(bytes: number, now = Date.now()): number {
    this.tokens = Math.min(this.bytesPerSecond, this.tokens + ((now - this.at) * this.bytesPerSecond) / 1000);
    this.at = now;
    if (this.tokens < 0) return Math.max(1, Math.ceil((-this.tokens * 1000) / this.bytesPerSecond));
    this.tokens -= bytes;
    return 0;
  }
}
