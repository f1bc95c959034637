import type { RoomStore } from '../store/roomStore.ts';
import type { FlushScheduler, RelayDoc } from './relayDoc.ts';

/**
 * Flushes every document that accepted updates this event-loop turn, across all rooms, in one
 * store transaction, then broadcasts each: one commit per turn instead of one per room (with 100
 * busy rooms, the commits were most of the store's cost). Updates still reach the store before
 * any client sees them.
 */
export class TurnFlusher implements FlushScheduler {
  private readonly dirty = new Set<RelayDoc>();
  private scheduled = false;

  constructor(private readonly store: RoomStore) {}

  schedule(doc: RelayDoc): void {
    this.dirty.add(doc);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const docs = [...this.dirty];
    this.dirty.clear();
    const persisted = this.store.inTransaction(() => docs.map((doc) => [doc, doc.persist()] as const));
    for (const [doc, merged] of persisted) if (merged) doc.publish(merged);
  };
}
