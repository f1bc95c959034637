import * as Y from 'yjs';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import { encodeSyncUpdate } from './protocol.ts';

export type Broadcast = (message: Uint8Array) => void;

/**
 * One room document on the server: the in-memory Y.Doc, and the updates accepted this event-loop
 * turn. A flush appends them to the store in one transaction and only then broadcasts them, merged
 * and encoded once, so no client can receive an update the store does not have.
 */
export class RelayDoc {
  readonly ydoc = new Y.Doc({ gc: true });
  private pending: Uint8Array[] = [];
  private flushScheduled = false;
  private lastSeq: number;
  private logCount: number;
  /** Stored bytes (snapshot plus log): a cheap upper bound on the document's size. */
  private storedBytes = 0;

  constructor(
    readonly roomId: string,
    readonly name: DocName,
    private readonly store: RoomStore,
    private readonly broadcast: Broadcast,
    private readonly compactAfter: number,
    private readonly onFlushed: (ms: number) => void = () => {},
  ) {
    const stored = store.loadDoc(roomId, name);
    if (stored.updates.length > 0) Y.applyUpdate(this.ydoc, Y.mergeUpdates(stored.updates));
    for (const update of stored.updates) this.storedBytes += update.byteLength;
    this.lastSeq = stored.lastSeq;
    this.logCount = stored.logCount;
    this.ydoc.on('update', (update: Uint8Array) => {
      this.pending.push(update);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Persists then broadcasts what this turn accepted. Also called before any full state is sent out. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const started = performance.now();
    this.lastSeq = this.store.appendUpdates(this.roomId, this.name, batch);
    this.logCount += batch.length;
    for (const update of batch) this.storedBytes += update.byteLength;
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    this.onFlushed(performance.now() - started);
    this.broadcast(encodeSyncUpdate(merged));
    if (this.logCount >= this.compactAfter) this.compact();
  }

  /** Folds the log into one snapshot (the in-memory state includes every logged update). */
  compact(): void {
    this.flush();
    if (this.logCount === 0) return;
    const state = Y.encodeStateAsUpdate(this.ydoc);
    this.store.compact(this.roomId, this.name, state, this.lastSeq);
    this.logCount = 0;
    this.storedBytes = state.byteLength;
  }

  /** Roughly how big the document is, without encoding it. */
  approximateBytes(): number {
    return this.storedBytes;
  }

  destroy(): void {
    this.ydoc.destroy();
  }
}
