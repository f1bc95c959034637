/** How long a remote drag may stay still before its note goes back to its place on the board. */
export const DRAG_STALE_MS = 5000;

type Drag = { id: string; x: number; y: number };

/**
 * The notes other people drag now, from their presence. A drag ends when it leaves a person's
 * presence (dropped, cancelled, another step), when the person leaves, and when it has not moved
 * for `staleMs`: presence that says "dragging" and never changes again (a client that missed its
 * drop, an old client) must not leave a ghost note on screen for good. A person holding a note
 * still that long sees it drawn back at its place on others' screens until they move it again.
 */
export class RemoteDrags {
  private readonly seen = new Map<number, Drag & { since: number }>();

  constructor(private readonly staleMs = DRAG_STALE_MS) {}

  /**
   * `drags`: each person's drag on this canvas now (by presence client id). Returns the notes to
   * draw where they are dragged, and when to read again for the next drag to go stale (or null).
   */
  read(drags: ReadonlyMap<number, Drag>, now: number): { dragged: Map<string, { x: number; y: number }>; recheckAt: number | null } {
    for (const clientId of this.seen.keys()) if (!drags.has(clientId)) this.seen.delete(clientId);
    const dragged = new Map<string, { x: number; y: number }>();
    let recheckAt: number | null = null;
    for (const [clientId, drag] of drags) {
      let seen = this.seen.get(clientId);
      if (!seen || seen.id !== drag.id || seen.x !== drag.x || seen.y !== drag.y) this.seen.set(clientId, (seen = { ...drag, since: now }));
      const staleAt = seen.since + this.staleMs;
      if (now >= staleAt) continue;
      dragged.set(drag.id, { x: drag.x, y: drag.y });
      recheckAt = recheckAt === null ? staleAt : Math.min(recheckAt, staleAt);
    }
    return { dragged, recheckAt };
  }
}
