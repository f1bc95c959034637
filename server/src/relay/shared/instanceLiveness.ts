/**
 * Which other instances are alive, from their heartbeats: one not heard from for `deadAfterMs` is
 * reported dead once (its people must vanish); heard again, it counts as back.
 */
export class InstanceLiveness {
  private readonly lastHeard = new Map<string, number>();

  constructor(private readonly deadAfterMs: number) {}

  /** Records a heartbeat; true when the instance is new or back after being reported dead. */
  heard(instance: string, now: number): boolean {
    const known = this.lastHeard.has(instance);
    this.lastHeard.set(instance, now);
    return !known;
  }

  /** Instances silent for too long, each reported once. */
  dead(now: number): string[] {
    const gone: string[] = [];
    for (const [instance, at] of this.lastHeard) {
      if (now - at < this.deadAfterMs) continue;
      gone.push(instance);
      this.lastHeard.delete(instance);
    }
    return gone;
  }
}
