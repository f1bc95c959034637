import type { RoomStore } from '../store/roomStore.ts';
import type { FlushScheduler, RelayDoc } from './relayDoc.ts';

/** Something that queued writes this turn and writes them when asked: a connection's outbox. */
export type TurnSink = { flushTurn(): void };

/** What a room needs of the end of a turn: its documents flushed, and its presence after them. */
export type TurnScheduler = FlushScheduler & { later(task: () => void): void };

/** Where one turn's time went, in milliseconds: from its first queued work to the end of its writes. */
export type TurnTimes = {
  /** From the first work queued (a frame applied, a message queued) until the turn's end began. */
  heldMs: number;
  /** The `first` step: storing and broadcasting the documents. */
  firstMs: number;
  /** The tasks asked for with `later` (each room's presence). */
  tasksMs: number;
  /** Writing every outbox that queued messages. */
  writeMs: number;
  /** How many outboxes were written. */
  sinks: number;
};

/**
 * The end of one event-loop turn: `first` (storing and broadcasting documents, where there is
 * any), then the tasks asked for with `later`, then every outbox that queued messages, each as one
 * corked batch. Outboxes are written even when `first` throws: answers and presence queued before
 * still go out. `onTurn` hears where each turn's time went.
 */
export class TurnEnd {
  private readonly tasks: (() => void)[] = [];
  private readonly sinks = new Set<TurnSink>();
  private readonly afterTasks: (() => void)[] = [];
  /** Work is waiting for the end of this turn. */
  private open = false;
  private openedAt = 0;
  private immediatePending = false;
  /** The turn is ending (`run`): what is asked for meanwhile is looked at by this run or opens the next. */
  private running = false;
  /** A document was scheduled after `first` began: the next turn stores it. */
  private firstAgain = false;

  constructor(
    private readonly first: () => void = () => {},
    private readonly onTurn: (times: TurnTimes) => void = () => {},
    private readonly clock: () => number = () => performance.now(),
  ) {}

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

  /** Runs `task` once this turn's outboxes are written (asked for while the turn ends): work nobody should wait for. */
  afterWrites(task: () => void): void {
    this.afterTasks.push(task);
  }

  /** Opens a turn, if none is open, ending at the next check phase; `needsFirst`: for `first`'s work (a document to store). */
  wake(needsFirst = false): void {
    if (this.running) {
      // Work asked for while the turn ends: sinks and tasks are looked at again before it ends; `first` is not.
      if (needsFirst) this.firstAgain = true;
    } else if (!this.open) {
      this.open = true;
      this.openedAt = this.clock();
    }
    if (this.immediatePending) return;
    this.immediatePending = true;
    setImmediate(this.atImmediate);
  }

  private readonly atImmediate = (): void => {
    this.immediatePending = false;
    if (this.open && !this.running) this.run();
  };

  private run(): void {
    const started = this.clock();
    const heldMs = started - this.openedAt;
    this.running = true;
    this.firstAgain = false;
    let firstDone: number;
    let tasksDone: number;
    let sinks: number;
    try {
      this.first();
      firstDone = tasksDone = this.clock();
      for (const task of this.tasks.splice(0)) task();
      tasksDone = this.clock();
    } finally {
      const due = [...this.sinks];
      this.sinks.clear();
      sinks = due.length;
      try {
        for (const sink of due) sink.flushTurn();
      } finally {
        this.running = false;
        // What was asked for too late for this turn opens the next one.
        this.open = this.firstAgain || this.tasks.length > 0 || this.sinks.size > 0;
        if (this.open) this.openedAt = this.clock();
      }
    }
    const ended = this.clock();
    this.onTurn({ heldMs, firstMs: firstDone - started, tasksMs: tasksDone - firstDone, writeMs: ended - tasksDone, sinks });
    for (const task of this.afterTasks.splice(0)) task();
  }
}

/** A turn that took longer than this from its first work to its last write is reported (TurnFlusher's `onSlowTurn`). */
export type SlowTurn = TurnTimes & { totalMs: number; docs: number; bytes: number; commitMs: number };

/**
 * The end of every event-loop turn, for the whole server, in three steps:
 * 1. every document that accepted updates this turn, across all rooms, is stored in one store
 *    transaction, then broadcast (one commit per turn instead of one per room: with 100 busy rooms
 *    the commits were most of the store's cost; updates still reach the store before any client);
 * 2. the tasks asked for with `later` run (each room's presence changes);
 * 3. every connection that queued messages writes them, in order, as one corked batch: a turn's
 *    edits, presence and answers leave each socket in one write instead of one per message.
 * Compactions that came due wait until after the writes: a turn's clients never wait for one.
 */
export class TurnFlusher implements TurnScheduler {
  private readonly dirty = new Set<RelayDoc>();
  private readonly end: TurnEnd;
  /** This turn's store work, for the slow-turn report. */
  private stored = { docs: 0, bytes: 0, commitMs: 0 };

  constructor(
    private readonly store: RoomStore,
    /**
     * `onSlowTurn` is told every turn slower than `slowTurnMs` in all, with where its time went.
     * `onStoreFailed` hears a turn whose commit failed (its rows wait in their documents, nobody was
     * sent them); by default it throws, which ends the process: its clients reconnect to a new one
     * and send it what it lacks, rather than work on with a server that cannot store.
     */
    {
      onSlowTurn = () => {},
      slowTurnMs = Infinity,
      onStoreFailed = (err) => {
        throw err;
      },
    }: { onSlowTurn?: (turn: SlowTurn) => void; slowTurnMs?: number | undefined; onStoreFailed?: (err: unknown) => void } = {},
  ) {
    this.end = new TurnEnd(
      () => {
        try {
          this.storeDirty();
        } catch (err) {
          onStoreFailed(err);
        }
      },
      (times) => {
        const totalMs = times.heldMs + times.firstMs + times.tasksMs + times.writeMs;
        if (totalMs > slowTurnMs) onSlowTurn({ ...times, ...this.stored, totalMs });
        this.stored = { docs: 0, bytes: 0, commitMs: 0 };
      },
    );
  }

  schedule(doc: RelayDoc): void {
    this.dirty.add(doc);
    this.end.wake(true);
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
    const batches = docs.flatMap((doc) => {
      const batch = doc.takeBatch();
      return batch ? [{ doc, batch }] : [];
    });
    if (batches.length === 0) return;
    const started = performance.now();
    let seqs: number[];
    try {
      seqs = this.store.inTransaction(() => batches.map(({ doc, batch }) => doc.append(batch)));
    } catch (err) {
      // The whole turn rolled back: every document keeps its rows for the next flush, nobody was sent any.
      for (const { doc, batch } of batches) doc.putBack(batch);
      throw err;
    } finally {
      this.stored.commitMs += performance.now() - started;
    }
    const due: RelayDoc[] = [];
    batches.forEach(({ doc, batch }, i) => {
      doc.stored(batch, seqs[i]!);
      this.stored.docs++;
      this.stored.bytes += batch.byteLength;
      doc.publish(batch, false);
      if (doc.compactionDue()) due.push(doc);
    });
    if (due.length > 0) this.end.afterWrites(() => due.forEach((doc) => doc.compact()));
  }
}
