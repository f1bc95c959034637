import { TokenBucket } from './tokenBucket.ts';

/**
 * How much presence each sender may have broadcast: `bytesPerSecond` of states, up to a second's
 * worth at once. The room sends every changed presence id's newest state at the end of each turn;
 * a sender past its budget has its states held (the newest replacing the one before) until the
 * budget refills, so a fast or bulky sender costs every other client a bounded number of bytes
 * while an honest cursor (a few hundred bytes, 20 times a second) is never held.
 */
export class PresenceBudget<S> {
  private readonly buckets = new Map<S, TokenBucket>();

  constructor(private readonly bytesPerSecond: number) {}

  /** Spends `bytes` of `sender`'s budget and returns 0, or spends nothing and returns the milliseconds until it could. */
  take(sender: S, bytes: number, now = Date.now()): number {
    let bucket = this.buckets.get(sender);
    if (!bucket) {
      bucket = new TokenBucket({ capacity: this.bytesPerSecond, refill: this.bytesPerSecond, everyMs: 1_000, charging: 'prepaid' }, now);
      this.buckets.set(sender, bucket);
    }
    return bucket.take(bytes, now);
  }

  /** The sender left: its budget goes with it. */
  forget(sender: S): void {
    this.buckets.delete(sender);
  }
}
