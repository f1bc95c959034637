/** What to do with an update numbered `seq` that arrived over the bus. */
export type Arrival = 'apply' | 'duplicate' | 'gap';

/**
 * Which of a document's sequence numbers this instance holds. `applied` is the highest number up
 * to which it holds every update; its own commits can land above it (another instance committed
 * the numbers in between) and are remembered until the gap closes. Updates from the bus apply
 * only in order: Yjs would set aside one whose dependencies are missing.
 */
export class DocSequence {
  private readonly ahead = new Set<number>();

  constructor(private appliedThrough: number) {}

  get applied(): number {
    return this.appliedThrough;
  }

  /** How an arriving `seq` fits: the next one, one already held, or one after a gap. */
  arrival(seq: number): Arrival {
    if (seq <= this.appliedThrough || this.ahead.has(seq)) return 'duplicate';
    return seq === this.appliedThrough + 1 ? 'apply' : 'gap';
  }

  /** Records that the update numbered `seq` is in the document (applied from the bus or the log, or committed here). */
  hold(seq: number): void {
    if (seq <= this.appliedThrough) return;
    this.ahead.add(seq);
    while (this.ahead.delete(this.appliedThrough + 1)) this.appliedThrough += 1;
  }

  /** Records that a snapshot covering everything up to `seq` is in the document. */
  holdThrough(seq: number): void {
    if (seq <= this.appliedThrough) return;
    for (const held of this.ahead) if (held <= seq) this.ahead.delete(held);
    this.appliedThrough = seq;
    while (this.ahead.delete(this.appliedThrough + 1)) this.appliedThrough += 1;
  }

  /** Whether the stored head shows updates this instance lacks. */
  isBehind(head: number): boolean {
    return head > this.appliedThrough;
  }
}
