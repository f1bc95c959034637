/**
 * The bytes one connection may add to its document: a bucket of `perMinute` that refills
 * continuously, so an honest burst (pasting a pre-work file) passes and a flood is slowed to the
 * refill rate. `new EditBudget(60_000).take(1_000)` is true; the 61st such take within a second is not.
 * `capacity` (a minute's worth unless given) is the largest burst; presence uses a second's worth.
 */
export class EditBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perMinute: number,
    now = Date.now(),
    private readonly capacity = perMinute,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Spends `bytes` if the bucket holds them. */
  take(bytes: number, now = Date.now()): boolean {
    this.refill(now);
    // An update bigger than the whole bucket passes once the bucket is full, or it never would.
    const cost = Math.min(bytes, this.capacity);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** How long until `bytes` can be taken. */
  msUntil(bytes: number, now = Date.now()): number {
    this.refill(now);
    const missing = Math.min(bytes, this.capacity) - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing * 60_000) / this.perMinute);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) * this.perMinute) / 60_000);
    this.at = now;
  }
}
