import type { RoomStore } from '../store/roomStore.ts';
import type { FlushScheduler, RelayDoc } from './relayDoc.ts';

/** Something that queued writes this turn and writes them when asked: a connection's outbox. */
export type TurnSink = { flushTurn(): void };

/** What a room needs of the end of a turn: its documents flushed, and its presence after them. */
export type TurnScheduler = FlushScheduler & { later(task: () => void): void };

/**
 * The end of one event-loop turn: `first` (storing and broadcasting documents, where there is
 * any), then the tasks asked for with `later`, then every outbox that queued messages, each as one
 * corked batch. Outboxes are written even when `first` throws: answers and presence queued before
 * still go out.
 */
export class TurnEnd {
  private readonly tasks: (() => void)[] = [];
  private readonly sinks = new Set<TurnSink>();
  private scheduled = false;

  constructor(private readonly first: () => void = () => {}) {}

  /** Runs `task` at the end of this turn, after `first`. */
  later(task: () => void): void {
    this.tasks.push(task);
    this.wake();
  }

  /** Asks `sink` to write what it queued, once, after everything else this turn sends. */
  flushAtTurnEnd(sink: TurnSink): void {
    this.sinks.add(sink);
    this.wake();
  }

  wake(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    try {
      this.first();
      for (const task of this.tasks.splice(0)) task();
    } finally {
      const sinks = [...this.sinks];
      this.sinks.clear();
      for (const sink of sinks) sink.flushTurn();
    }
  };
}

/**
 * The end of every event-loop turn, for the whole server, in three steps:
 * 1. every document that accepted updates this turn, across all rooms, is stored in one store
 *    transaction, then broadcast (one commit per turn instead of one per room: with 100 busy rooms
 *    the commits were most of the store's cost; updates still reach the store before any client);
 * 2. the tasks asked for with `later` run (each room's presence changes);
 * 3. every connection that queued messages writes them, in order, as one corked batch: a turn's
 *    edits, presence and answers leave each socket in one write instead of one per message.
 */
export class TurnFlusher implements TurnScheduler {
  private readonly dirty = new Set<RelayDoc>();
  private readonly end = new TurnEnd(() => this.storeDirty());

  constructor(private readonly store: RoomStore) {}

  schedule(doc: RelayDoc): void {
    this.dirty.add(doc);
    this.end.wake();
  }

  /** Runs `task` at the end of this turn, after the documents are stored and broadcast. */
  later(task: () => void): void {
    this.end.later(task);
  }

  /** Asks `sink` to write what it queued, once, after everything else this turn sends. */
  flushAtTurnEnd(sink: TurnSink): void {
    this.end.flushAtTurnEnd(sink);
  }

  private storeDirty(): void {
    const docs = [...this.dirty];
    this.dirty.clear();
    if (docs.length === 0) return;
    const persisted = this.store.inTransaction(() => docs.map((doc) => [doc, doc.persist()] as const));
    for (const [doc, merged] of persisted) if (merged) doc.publish(merged);
  }
}
