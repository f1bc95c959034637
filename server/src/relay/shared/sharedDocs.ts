import type { Logger } from 'pino';
import { decodeDocUpdate, encodeDocUpdate } from '../../bus/busMessage.ts';
import type { RedisBus } from '../../bus/redisBus.ts';
import { docKey, rowUpdates, type PgDocLog } from '../../store/postgres/pgDocLog.ts';
import type { RoomHolds } from '../../store/postgres/pgRoomHolds.ts';
import { DOC_NAMES, type StoredDocName } from '../../store/roomStore.ts';
import type { PreloadedDoc, RelayDoc } from '../relayDoc.ts';
import { TurnEnd, type TurnScheduler, type TurnSink } from '../turnFlusher.ts';
import { DocSequence } from './docSequence.ts';
import { PipelineTrace } from './pipelineTrace.ts';

/** How often the heads of loaded documents are compared with what this instance holds (repairs lost bus messages, and carries edits while Redis is down). */
const HEAD_CHECK_MS = 500;
/**
 * How long after loading a document with a long log it is compacted: encoding the state and
 * rewriting thousands of rows should not compete with the first clients still taking the board in
 * (a 10,000-row catch-up took up to 3–4 s on a loaded machine).
 */
const COMPACT_AFTER_LOAD_MS = 5_000;
/** Bus messages held while a gap is filled from the log; past this, they are dropped and the fill reads them too. */
const MAX_EARLY = 1_000;

type Follower = {
  roomId: string;
  doc: StoredDocName;
  relay: RelayDoc;
  sequence: DocSequence;
  /** Bus messages past a gap, by sequence, waiting for the fill. */
  early: Map<number, Uint8Array>;
  filling: boolean;
  /** A message past a gap came while a read was out: that read may not reach it, so read again. */
  gapDuringFill: boolean;
  compacting: boolean;
  /** Bus messages that brought this document something new (applied or past a gap), counted; and the count at the last head check. */
  busNews: number;
  busNewsAtCheck: number;
};

/** A room being opened: bus messages arriving before its documents exist wait here. */
type Opening = { heads: Map<StoredDocName, number>; waiting: Buffer[] };

export type SharedDocsOptions = {
  instanceId: string;
  compactAfterUpdates: number;
  /** Marks the rooms loaded here, so retention leaves them alone while they are. */
  holds: RoomHolds;
  /** A commit failed or timed out: these rooms must close their sockets and drop their copies. */
  onStoreFailure: (roomIds: string[], err: Error) => void;
  /** The benchmark's hop-by-hop record (PIPELINE_TRACE), or null. */
  trace?: PipelineTrace | null;
};

/**
 * Shared mode's document pipeline, one per instance. Once per event-loop turn it appends every
 * changed document's merged update in one PostgreSQL transaction; only after COMMIT does a
 * document broadcast to this instance's sockets and publish `{doc, seq, update}` on the room's
 * channel. Other instances apply what they receive in sequence order, fill gaps from the log (or
 * the snapshot), never re-publish, and compare heads periodically to repair lost messages.
 */
export class SharedDocs implements TurnScheduler {
  private readonly followers = new Map<string, Follower>();
  private readonly opening = new Map<string, Opening>();
  private readonly dirty = new Set<RelayDoc>();
  private scheduled = false;
  private readonly turnEnd = new TurnEnd();
  private inFlight: Promise<void> | null = null;
  private readonly headTimer: NodeJS.Timeout;
  private readonly compactions = new Set<Promise<void>>();
  private checkingHeads = false;
  private readonly trace: PipelineTrace | null;
  /** Tracing only: when each dirty document accepted its first update of the coming commit. */
  private readonly acceptedAt = new Map<RelayDoc, number>();

  constructor(
    private readonly docLog: PgDocLog,
    private readonly bus: RedisBus,
    private readonly log: Logger,
    private readonly options: SharedDocsOptions,
  ) {
    this.trace = options.trace ?? null;
    this.headTimer = setInterval(() => void this.checkHeads(), HEAD_CHECK_MS);
    this.headTimer.unref();
  }

  /**
   * Joining: subscribe first, then read every document (snapshot plus log, all in one statement),
   * so nothing committed in between is missed; `attach` then drains what arrived meanwhile.
   */
  async open(roomId: string): Promise<Record<StoredDocName, PreloadedDoc>> {
    const opening: Opening = { heads: new Map(), waiting: [] };
    this.opening.set(roomId, opening);
    try {
      // The hold (retention's sign that the room is in use) before the read, beside the subscription: no extra round trip.
      // Both settle before a failure is thrown, so the clean-up below never races a subscription still being made.
      const joined = await Promise.allSettled([this.bus.subscribe(this.bus.channel('room', roomId), (message) => this.receive(roomId, message)), this.options.holds.hold(roomId)]);
      for (const step of joined) if (step.status === 'rejected') throw step.reason;
      const { rows, headless } = await this.docLog.readDocs(roomId, DOC_NAMES, 0);
      // Only a room made before a new kind of document lacks a head row: one more round trip for it, not for every load.
      // Anything another instance commits under a head made meanwhile comes over the bus, subscribed above.
      if (headless.length > 0) await this.docLog.ensureHeads(roomId, headless);
      const preloaded = {} as Record<StoredDocName, PreloadedDoc>;
      for (const doc of DOC_NAMES) {
        const stored = rows.get(doc) ?? { snapshot: null, log: [], head: 0 };
        opening.heads.set(doc, stored.head);
        preloaded[doc] = { preloaded: { updates: rowUpdates(stored), lastSeq: stored.head, logCount: stored.log.length } };
      }
      return preloaded;
    } catch (err) {
      this.opening.delete(roomId);
      this.bus.unsubscribe(this.bus.channel('room', roomId));
      this.options.holds.release(roomId);
      throw err;
    }
  }

  /**
   * The room's documents exist now: follow them, and apply what the bus brought while they were
   * read. A document whose log had grown long (compaction failed for a while, or the room was
   * never edited after its log grew) is compacted soon after (COMPACT_AFTER_LOAD_MS),
   * so the next instance to load it reads a snapshot instead of replaying the rows.
   */
  attach(roomId: string, docOf: (name: StoredDocName) => RelayDoc): void {
    const opening = this.opening.get(roomId);
    this.opening.delete(roomId);
    for (const doc of DOC_NAMES) {
      const sequence = new DocSequence(opening?.heads.get(doc) ?? 0);
      const follower: Follower = { roomId, doc, relay: docOf(doc), sequence, early: new Map(), filling: false, gapDuringFill: false, compacting: false, busNews: 0, busNewsAtCheck: 0 };
      this.followers.set(docKey(roomId, doc), follower);
      if (follower.relay.logRows >= this.options.compactAfterUpdates) {
        setTimeout(() => this.followers.get(docKey(roomId, doc)) === follower && this.maybeCompact(follower), COMPACT_AFTER_LOAD_MS).unref();
      }
    }
    for (const message of opening?.waiting ?? []) this.receive(roomId, message);
  }

  /** The room was unloaded or dropped: stop following it. A final compaction is best effort (the log holds everything anyway). */
  close(roomId: string, options: { compact: boolean }): void {
    this.bus.unsubscribe(this.bus.channel('room', roomId));
    this.options.holds.release(roomId);
    for (const doc of DOC_NAMES) {
      const follower = this.followers.get(docKey(roomId, doc));
      if (!follower) continue;
      this.followers.delete(docKey(roomId, doc));
      if (options.compact && follower.relay.logRows > 0) this.compact(follower);
    }
  }

  /**
   * A server write to a room this instance has not loaded (the join link after a rotation): one
   * row appended like any other, then published, so instances holding the room apply it in
   * sequence (and their head check catches it if the message is lost).
   */
  async appendUnloaded(roomId: string, doc: StoredDocName, update: Uint8Array): Promise<void> {
    const [seq] = await this.docLog.appendTurn([{ roomId, doc, update }]);
    this.bus.publish(this.bus.channel('room', roomId), encodeDocUpdate({ instance: this.options.instanceId, doc, seq: seq!, update }));
  }

  schedule(doc: RelayDoc): void {
    if (this.trace && !this.acceptedAt.has(doc)) this.acceptedAt.set(doc, PipelineTrace.now());
    this.dirty.add(doc);
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  /**
   * Runs `task` at the end of this turn (a room's presence). Commits are asynchronous here, so the
   * turn's end does not wait for them: what a commit broadcasts queues in the outboxes and leaves
   * at the end of the turn it completes in.
   */
  later(task: () => void): void {
    this.turnEnd.later(task);
  }

  /** Asks `sink` (a connection's outbox) to write what it queued, once, after this turn's tasks. */
  flushAtTurnEnd(sink: TurnSink): void {
    this.turnEnd.flushAtTurnEnd(sink);
  }

  /** Resolves when nothing is waiting to be committed or compacted (SIGTERM's drain). */
  async drain(): Promise<void> {
    while (this.inFlight || this.scheduled || this.dirty.size > 0) {
      if (this.inFlight) await this.inFlight;
      else await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(this.compactions);
  }

  stop(): void {
    clearInterval(this.headTimer);
    this.options.holds.stop();
    this.trace?.stop();
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const batch: { relay: RelayDoc; update: Uint8Array }[] = [];
    for (const relay of this.dirty) {
      // A room unloaded (or shut down) this turn still commits what it accepted: nobody has seen it yet, and it is cheaper than a resend.
      const update = relay.takeTurn();
      if (update) batch.push({ relay, update });
    }
    this.dirty.clear();
    if (batch.length === 0) return;
    const started = this.trace ? PipelineTrace.now() : 0;
    // Taken now: what is accepted while this commit is out belongs to the next one.
    const accepted = this.trace ? batch.map(({ relay }) => this.takeAccepted(relay, started)) : [];
    // The bus holds this instance's other publishes (presence) for the write that carries this commit's rows.
    const committing = this.docLog
      .appendTurn(batch.map(({ relay, update }) => ({ roomId: relay.roomId, doc: relay.name, update })))
      .then(
        (seqs) => {
          if (this.trace) this.traceCommit(batch, seqs, accepted, started);
          batch.forEach(({ relay, update }, i) => this.committed(relay, update, seqs[i]!));
        },
        (err: Error) => {
          const rooms = [...new Set(batch.map(({ relay }) => relay.roomId))];
          this.log.error({ err: err.message, rooms: rooms.length }, 'commit failed: closing those rooms, nothing of it was broadcast');
          this.options.onStoreFailure(rooms, err);
        },
      );
    this.inFlight = this.bus
      .holdFor(committing)
      .finally(() => {
        this.inFlight = null;
        if (this.dirty.size > 0 && !this.scheduled) {
          this.scheduled = true;
          setImmediate(this.run);
        }
      });
  };

  private takeAccepted(relay: RelayDoc, fallback: number): number {
    const at = this.acceptedAt.get(relay) ?? fallback;
    this.acceptedAt.delete(relay);
    return at;
  }

  private traceCommit(batch: { relay: RelayDoc; update: Uint8Array }[], seqs: number[], accepted: number[], started: number): void {
    const ended = PipelineTrace.now();
    batch.forEach(({ relay, update }, i) => {
      this.trace!.record({ k: 'commit', room: relay.roomId, doc: relay.name, seq: seqs[i]!, at: accepted[i]!, cs: started, ce: ended, m: PipelineTrace.markers(update) });
    });
  }

  private committed(relay: RelayDoc, update: Uint8Array, seq: number): void {
    const follower = this.followers.get(docKey(relay.roomId, relay.name));
    follower?.sequence.hold(seq);
    relay.committedHere(update);
    this.bus.publish(this.bus.channel('room', relay.roomId), encodeDocUpdate({ instance: this.options.instanceId, doc: relay.name, seq, update }));
    if (!follower) return;
    // Other instances' rows numbered after this one may have come over the bus while it was in
    // flight, waiting for it: they go now, not with the next message or the head check.
    this.applyEarly(follower);
    this.maybeCompact(follower);
  }

  private receive(roomId: string, bytes: Buffer): void {
    const opening = this.opening.get(roomId);
    if (opening) {
      opening.waiting.push(bytes);
      return;
    }
    let message;
    try {
      message = decodeDocUpdate(bytes);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, room: roomId }, 'undecodable bus message ignored');
      return;
    }
    if (message.instance === this.options.instanceId) return;
    const follower = this.followers.get(docKey(roomId, message.doc));
    if (follower) this.arrived(follower, message.seq, message.update);
  }

  private arrived(follower: Follower, seq: number, update: Uint8Array): void {
    const arrival = follower.sequence.arrival(seq);
    this.trace?.record({ k: 'bus', room: follower.roomId, doc: follower.doc, seq, t: PipelineTrace.now(), outcome: arrival });
    if (arrival !== 'duplicate') follower.busNews++;
    switch (arrival) {
      case 'duplicate':
        return;
      case 'apply':
        this.applyRemote(follower, seq, update, 'bus');
        this.applyEarly(follower);
        return;
      case 'gap':
        if (follower.early.size < MAX_EARLY) follower.early.set(seq, update);
        if (follower.filling) follower.gapDuringFill = true;
        else void this.fill(follower, 'gap');
    }
  }

  private applyRemote(follower: Follower, seq: number, update: Uint8Array, via: 'bus' | 'early' | 'log'): void {
    try {
      follower.relay.applyRemote(update);
    } catch (err) {
      // A committed update that does not apply here means this copy is broken: reading it again is the only cure.
      this.log.error({ err: (err as Error).message, room: follower.roomId, doc: follower.doc, seq }, 'committed update did not apply; dropping the room copy');
      this.options.onStoreFailure([follower.roomId], err as Error);
      return;
    }
    follower.sequence.hold(seq);
    this.trace?.record({ k: 'apply', room: follower.roomId, doc: follower.doc, seq, t: PipelineTrace.now(), via });
    this.maybeCompact(follower);
  }

  private applyEarly(follower: Follower): void {
    for (;;) {
      const next = follower.sequence.applied + 1;
      const update = follower.early.get(next);
      if (!update) break;
      follower.early.delete(next);
      this.applyRemote(follower, next, update, 'early');
    }
    for (const seq of follower.early.keys()) if (seq <= follower.sequence.applied) follower.early.delete(seq);
  }

  /**
   * Reads what this copy lacks from PostgreSQL (the snapshot first if the log no longer reaches
   * back) and applies it in order. Reads again while bus messages wait past a gap and the last read
   * made progress or one of them came during it: every row numbered before a waiting one is
   * committed (numbers are taken under the head row's lock), so the next read reaches it, and the
   * waiting message goes now instead of with the next message or the head check.
   */
  private async fill(follower: Follower, why: 'gap' | 'head'): Promise<void> {
    if (follower.filling) return;
    follower.filling = true;
    try {
      for (;;) {
        follower.gapDuringFill = false;
        const from = follower.sequence.applied;
        const t0 = this.trace ? PipelineTrace.now() : 0;
        const rows = await this.docLog.readAfter(follower.roomId, follower.doc, from);
        this.trace?.record({ k: 'fill', room: follower.roomId, doc: follower.doc, from, t0, t1: PipelineTrace.now(), rows: rows.log.length, why });
        if (this.followers.get(docKey(follower.roomId, follower.doc)) !== follower) return;
        if (rows.snapshot && follower.sequence.arrival(rows.snapshot.seq) !== 'duplicate') {
          follower.relay.applyRemote(rows.snapshot.data);
          follower.sequence.holdThrough(rows.snapshot.seq);
        }
        for (const row of rows.log) if (follower.sequence.arrival(row.seq) === 'apply') this.applyRemote(follower, row.seq, row.data, 'log');
        this.applyEarly(follower);
        if (follower.early.size === 0 || !(follower.gapDuringFill || follower.sequence.applied > from)) return;
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message, room: follower.roomId, doc: follower.doc }, 'catching up from the log failed; the head check retries');
    } finally {
      follower.filling = false;
    }
  }

  /**
   * Reads the heads of every loaded document and fills those behind them whose bus brought nothing
   * new since the last check. A document the bus keeps bringing rows to is left to it: a row lost in
   * between shows as a gap with the next one (and is filled then), and one lost at the end is filled
   * at the next check, once the bus has gone quiet. On a saturated core the bus runs behind by more
   * than a check's interval; filling every document behind its head then read the same rows twice
   * (from the log, and from the bus as duplicates), which added to the load that made it late: in a
   * traced scenario 2 run, 1,426 head-check reads of 9,168 rows and 1,045 duplicate bus messages.
   */
  private async checkHeads(): Promise<void> {
    // One check at a time: on a slow PostgreSQL, checks every 500 ms would pile up in the pool ahead of rooms loading.
    if (this.followers.size === 0 || this.checkingHeads) return;
    const followers = [...this.followers.values()].filter((follower) => {
      const quiet = follower.busNews === follower.busNewsAtCheck;
      follower.busNewsAtCheck = follower.busNews;
      return quiet;
    });
    if (followers.length === 0) return;
    let heads: Map<string, number>;
    this.checkingHeads = true;
    try {
      heads = await this.docLog.heads(followers.map(({ roomId, doc }) => ({ roomId, doc })));
    } catch (err) {
      this.log.debug({ err: (err as Error).message }, 'head check failed');
      return;
    } finally {
      this.checkingHeads = false;
    }
    for (const follower of followers) {
      if (follower.sequence.isBehind(heads.get(docKey(follower.roomId, follower.doc)) ?? 0)) void this.fill(follower, 'head');
    }
  }

  private maybeCompact(follower: Follower): void {
    if (follower.relay.logRows >= this.options.compactAfterUpdates && !follower.compacting) this.compact(follower);
  }

  private compact(follower: Follower): void {
    const running = this.compactOnce(follower).finally(() => this.compactions.delete(running));
    this.compactions.add(running);
  }

  /** Snapshot of the committed state through the contiguous sequence; PostgreSQL refuses one that covers less than the stored one. */
  private async compactOnce(follower: Follower): Promise<void> {
    follower.compacting = true;
    const through = follower.sequence.applied;
    const { state, logCount } = follower.relay.committedState();
    try {
      await this.docLog.compact(follower.roomId, follower.doc, state, through);
      follower.relay.compacted(state.byteLength, logCount);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, room: follower.roomId, doc: follower.doc }, 'compaction failed; the log keeps everything');
    } finally {
      follower.compacting = false;
    }
  }
}
