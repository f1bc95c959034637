import * as Y from 'yjs';
import { applyStored, BOARD_LAYOUT, checkChanges, CONTROL_LAYOUT, docFromUpdates, type DecodedUpdate, type DocLayout, type SchemaProblem } from '@okr/shared/doc';
import type { DocName, RoomStore, StoredDoc, StoredDocName } from '../store/roomStore.ts';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol.ts';
import { SERVER_CLIENT_ID } from './serverClientId.ts';
import { checkUpdate, dropPendingState, UpdateRejectedError, type WritePolicyProblem } from './updateCheck.ts';

/** What each document may hold; every client update is checked against it (docs/board-document.md). */
const LAYOUTS: Record<DocName, DocLayout> = { board: BOARD_LAYOUT, control: CONTROL_LAYOUT };
const ROOTS: Record<DocName, ReadonlySet<string>> = { board: new Set(Object.keys(BOARD_LAYOUT)), control: new Set(Object.keys(CONTROL_LAYOUT)) };
/** The server-private document is written by the server alone: no client update is ever applied to it. */
const isSynced = (name: StoredDocName): name is DocName => name !== 'private';

export type Broadcast = (message: Uint8Array) => void;

/**
 * Shared mode: the document's rows, read before the room opened. Its appends are committed
 * asynchronously by the shared flusher (relay/shared/), not by this class.
 */
export type PreloadedDoc = { preloaded: StoredDoc };

/**
 * Shared mode: committed updates wait to be applied to the committed copy until this many have
 * gathered (or the copy is read), then go in one transaction: applied one by one, each in its own,
 * the copy cost about 3 % of an instance's busy time in scenario 1; 32 in one transaction cost
 * about a quarter of that (Yjs's cleanup runs once per transaction).
 */
const COMMITTED_BATCH = 32;

/** Origin of updates another instance committed: applied and broadcast here, never stored again. */
export const REMOTE_ORIGIN = Symbol('committed by another instance');

/** Looks at the transaction an update made and names what it may not do, or returns null. */
export type WriteGuard = (transaction: Y.Transaction) => WritePolicyProblem | null;

/** Decides when a document's accepted updates are flushed; the default is its own end of turn. */
export type FlushScheduler = { schedule(doc: RelayDoc): void };

/**
 * One room document on the server: the in-memory Y.Doc, and the updates accepted this event-loop
 * turn. A flush appends them to the store in one transaction and only then broadcasts them, merged
 * and encoded once, so no client can receive an update the store does not have.
 *
 * What is stored and broadcast is what Yjs emitted for the server's own transactions, never the
 * bytes a client sent: only what actually integrated can reach the store.
 */
export class RelayDoc {
  private doc: Y.Doc;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private flushScheduled = false;
  private lastSeq: number;
  /**
   * Shared mode only: the document as committed to PostgreSQL. A joining client's full state is
   * taken from it, so nobody receives an update before its commit; the live document runs ahead
   * by the updates whose commit is in flight. Until this instance first changes the live document
   * the two are the same, so the copy is made then, or right after the first sync step 2 has been
   * answered (so a later first edit does not wait for it): never while a room loads or before its
   * first client has the board, since copying a large board costs about half of loading it.
   */
  private committed: Y.Doc | null = null;
  /**
   * Shared mode: the turns taken for a commit that has not answered yet, oldest first. They are in
   * the live document and not in the committed copy, so a rebuild (a refused update) adds them back.
   */
  private readonly inFlight: Uint8Array[] = [];
  /** Shared mode: committed updates not yet applied to `committed` (COMMITTED_BATCH). */
  private committedBehind: Uint8Array[] = [];
  private readonly shared: boolean;
  private readonly store: RoomStore | null;
  /**
   * The Yjs client id of the server's own changes: SERVER_CLIENT_ID on a single server; in shared
   * mode each instance's copy takes a random one (claimed as the server's on first write), since
   * two instances writing under one id with the same clocks would corrupt the document.
   */
  private readonly serverClientId: number;
  /** Shared mode: called after an update from another instance applied (the room re-reads the lock). */
  onRemoteApplied: () => void = () => {};
  private logCount: number;
  /**
   * Sync step 1 (our state vector) and, on a single server, the whole document as sync step 2 (the
   * answer to an empty state vector, a new client's), each encoded once until the document changes:
   * every client of a connect storm was sent both, each encoded again for it (5 % of scenario 4's
   * busy samples), and joiners of one turn now share one message and its websocket frame.
   */
  private step1: Uint8Array | undefined;
  private wholeStep2: Uint8Array | undefined;
  /** Stored bytes (snapshot plus log): a cheap upper bound on the document's size. */
  private storedBytes = 0;
  /** True while a client's update is being applied: every other change is the server's own. */
  private applying = false;
  /**
   * Told the Yjs client id of each change the server makes itself (upgrades, restores, what it
   * publishes), so the room can keep clients from writing under it.
   */
  onOwnWrite: (clientId: number) => void = () => {};

  constructor(
    readonly roomId: string,
    readonly name: StoredDocName,
    source: RoomStore | PreloadedDoc,
    private readonly broadcast: Broadcast,
    private readonly compactAfter: number,
    private readonly onFlushed: (ms: number) => void = () => {},
    private readonly scheduler: FlushScheduler = { schedule: (doc) => setImmediate(() => doc.flush()) },
  ) {
    this.store = 'preloaded' in source ? null : source;
    this.shared = this.store === null;
    this.serverClientId = this.store ? SERVER_CLIENT_ID : randomClientId();
    const stored = 'preloaded' in source ? source.preloaded : source.loadDoc(roomId, name);
    for (const update of stored.updates) this.storedBytes += update.byteLength;
    this.lastSeq = stored.lastSeq;
    this.logCount = stored.logCount;
    this.doc = this.build(stored.updates);
  }

  get ydoc(): Y.Doc {
    return this.doc;
  }

  /**
   * Applies a client's update, or throws UpdateRejectedError and leaves the document as it was.
   * Accepted changes are stored and broadcast at the end of this turn.
   *
   * The update is applied in a transaction of our own, so that before it ends we can check what it
   * touched against the document's layout (shared/src/doc/schemaCheck.ts): only the changed
   * records are read, so the check costs what the update costs, not what the board does. An
   * update that leaves a record out of the schema is rolled back like one that failed to integrate.
   * `decoded` is the update as the caller decoded it already (decodeClientUpdate), so it is not decoded again.
   */
  apply(update: Uint8Array, origin: unknown, guard?: WriteGuard, decoded?: DecodedUpdate): void {
    const name = this.name;
    if (!isSynced(name)) throw new UpdateRejectedError('out-of-schema', 'this document takes no client updates');
    const problem = checkUpdate(decoded ?? update, this.doc, ROOTS[name]);
    if (problem === 'unknown-root') throw new UpdateRejectedError('out-of-schema', `unknown top-level content: this document holds only ${[...ROOTS[name]].join(', ')}`);
    if (problem) throw new UpdateRejectedError(problem);
    const mark = this.pending.length;
    let outOfSchema: SchemaProblem | null = null;
    // The write policy's guard reads typed views, which observers refresh: it runs after the transaction.
    let refused: WritePolicyProblem | null = null;
    const watch = (transaction: Y.Transaction) => {
      if (guard && transaction.origin === origin) refused ??= guard(transaction);
    };
    this.doc.on('afterTransaction', watch);
    this.applying = true;
    try {
      Y.transact(
        this.doc,
        (transaction) => {
          Y.applyUpdate(this.doc, update, origin);
          outOfSchema = checkChanges(this.doc, transaction, LAYOUTS[name]);
        },
        origin,
        false,
      );
    } catch {
      this.rollBack(mark);
      throw new UpdateRejectedError('failed-to-integrate', undefined, true);
    } finally {
      this.applying = false;
      this.doc.off('afterTransaction', watch);
    }
    if (outOfSchema) {
      this.rollBack(mark);
      const { path, message } = outOfSchema as SchemaProblem;
      throw new UpdateRejectedError('out-of-schema', `${path}: ${message}`, true);
    }
    if (refused) {
      this.rollBack(mark);
      throw new UpdateRejectedError(refused, undefined, true);
    }
    // Whatever integrated was emitted (and will be stored); what Yjs set aside waits for
    // structs that no honest client will send. Drop it rather than keep and re-send it.
    if (dropPendingState(this.doc)) throw new UpdateRejectedError('left-pending');
  }

  /**
   * Runs the server's own change in one transaction under SERVER_CLIENT_ID; it is stored and
   * broadcast like an accepted update. Yjs switches a document to a random id when someone else's
   * update carries its id, so the id is set again before each change.
   */
  transactAsServer(fn: (doc: Y.Doc) => void, origin: unknown): void {
    this.doc.clientID = this.serverClientId;
    this.doc.transact(() => fn(this.doc), origin);
  }

  /** Persists then broadcasts what this turn accepted. Also called before any full state is sent out. In shared mode the shared flusher does both, later. */
  flush(): void {
    if (!this.store) return;
    const merged = this.persist();
    if (merged) this.publish(merged);
  }

  /** Sync step 1: our state vector, so a client sends what we lack. */
  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(this.doc));
  }

  /** Sync step 2 for a client with `stateVector`: only what the store has (flushed first, or the committed copy in shared mode, which is the live document until the first local change). */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    this.flush();
    // A new client's empty state vector asks for the whole document. Shared mode answers from the committed copy, which changes apart from this document: not kept there.
    if (this.store && isEmptyStateVector(stateVector)) return (this.wholeStep2 ??= encodeSyncStep2(this.doc, stateVector));
    const answer = encodeSyncStep2(this.committedCopy() ?? this.doc, stateVector);
    // Once the answer is written: outboxes are flushed at the end of this turn (setImmediate, queued
    // by the send that follows), and a timer runs after that. A timer set when the room loaded often
    // ran before the first client's sync step 1 was even read.
    if (this.shared && !this.committed) setTimeout(() => this.copyCommitted(), 0);
    return answer;
  }

  /** Shared mode: what this turn accepted, merged, to be committed by the shared flusher (null when nothing). */
  takeTurn(): Uint8Array | null {
    this.flushScheduled = false;
    if (this.pending.length === 0) return null;
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.inFlight.push(merged);
    return merged;
  }

  /** Shared mode: `merged` (from takeTurn) is committed; now it may reach clients. */
  committedHere(merged: Uint8Array): void {
    const at = this.inFlight.indexOf(merged);
    if (at >= 0) this.inFlight.splice(at, 1);
    if (this.doc.isDestroyed) return;
    this.commit(merged);
    this.noteStored(merged.byteLength);
    this.broadcast(encodeSyncUpdate(merged));
  }

  /** Shared mode: an update another instance committed (or one read back from the log), in sequence order. */
  applyRemote(update: Uint8Array): void {
    if (this.doc.isDestroyed) return;
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    this.commit(update);
    this.noteStored(update.byteLength);
    this.broadcast(encodeSyncUpdate(update));
    this.onRemoteApplied();
  }

  /** Shared mode: the committed state, for a snapshot, and how many log rows it was built from since the last one. */
  committedState(): { state: Uint8Array; logCount: number } {
    return { state: Y.encodeStateAsUpdate(this.committedCopy() ?? this.doc), logCount: this.logCount };
  }

  /** Shared mode: `update` is committed; the committed copy takes it with the next batch (none before the copy is made: it is the live document then). */
  private commit(update: Uint8Array): void {
    if (!this.committed) return;
    this.committedBehind.push(update);
    if (this.committedBehind.length >= COMMITTED_BATCH) this.committedCopy();
  }

  /** The committed copy with every committed update applied (null before it is made). */
  private committedCopy(): Y.Doc | null {
    const copy = this.committed;
    if (!copy || this.committedBehind.length === 0) return copy;
    const behind = this.committedBehind;
    this.committedBehind = [];
    copy.transact(() => {
      for (const update of behind) Y.applyUpdate(copy, update);
    });
    return copy;
  }

  /** Shared mode: a snapshot of `bytes` now stands for the log rows counted before it. */
  compacted(bytes: number, rowsFolded: number): void {
    this.logCount = Math.max(0, this.logCount - rowsFolded);
    this.storedBytes = bytes;
  }

  /** How many log rows this copy has seen since its last snapshot: compaction is due past COMPACT_AFTER_UPDATES. */
  get logRows(): number {
    return this.logCount;
  }

  private noteStored(bytes: number): void {
    this.logCount += 1;
    this.storedBytes += bytes;
  }

  /**
   * Appends what this turn accepted to the store as one merged row and returns it, to be published
   * right after. If the store fails, the row waits for the next flush and the error is thrown: the
   * document in memory never holds an accepted update that no later flush would store.
   */
  persist(): Uint8Array | null {
    const batch = this.takeBatch();
    if (!batch) return null;
    let seq: number;
    try {
      seq = this.append(batch);
    } catch (err) {
      this.putBack(batch);
      throw err;
    }
    this.stored(batch, seq);
    return batch;
  }

  /**
   * Takes what this turn accepted, merged into one row (null when nothing): the same bytes go to
   * the store and, encoded once, to every client. `stored` follows once it is committed, or
   * `putBack` when the store failed. The turn flusher does the three for many documents around
   * one store transaction.
   */
  takeBatch(): Uint8Array | null {
    this.flushScheduled = false;
    if (this.pending.length === 0) return null;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    return batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
  }

  /** Appends `batch` (from takeBatch) to the store; returns its sequence number. */
  append(batch: Uint8Array): number {
    const started = performance.now();
    const seq = this.store!.appendUpdates(this.roomId, this.name, [batch]);
    this.onFlushed(performance.now() - started);
    return seq;
  }

  /** `batch` is committed under `seq`. */
  stored(batch: Uint8Array, seq: number): void {
    this.lastSeq = seq;
    this.logCount += 1;
    this.storedBytes += batch.byteLength;
  }

  /** The store did not take `batch`: it goes first into the next flush, with what is accepted meanwhile. */
  putBack(batch: Uint8Array): void {
    this.pending.unshift(batch);
    this.pendingBytes += batch.byteLength;
  }

  /** Broadcasts a persisted update, encoded once; compacts when the log is long, unless the caller compacts later (`compactNow` false). */
  publish(merged: Uint8Array, compactNow = true): void {
    this.broadcast(encodeSyncUpdate(merged));
    if (compactNow && this.compactionDue()) this.compact();
  }

  /** Whether the log is long enough to be folded into a snapshot (COMPACT_AFTER_UPDATES). */
  compactionDue(): boolean {
    return this.logCount >= this.compactAfter;
  }

  /** Folds the log into one snapshot (the in-memory state includes every logged update). */
  compact(): void {
    // Shared mode compacts asynchronously, under PostgreSQL's advisory lock (relay/shared/).
    if (!this.store) return;
    this.flush();
    if (this.logCount === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.store.compact(this.roomId, this.name, state, this.lastSeq);
    this.logCount = 0;
    this.storedBytes = state.byteLength;
  }

  /** Roughly how big the document is, without encoding it. */
  approximateBytes(): number {
    return this.storedBytes + this.pendingBytes;
  }

  destroy(): void {
    this.doc.destroy();
    this.committed?.destroy();
  }

  private build(updates: Uint8Array[]): Y.Doc {
    this.forgetGreetings();
    const doc = new Y.Doc({ gc: true });
    // Its roots exist as maps from the start, so a client's update always meets them typed.
    if (isSynced(this.name)) for (const root of ROOTS[this.name]) doc.getMap(root);
    applyStored(doc, updates);
    // Set after loading: Yjs takes stored structs under its own id for another client's and switches to a random id.
    doc.clientID = this.serverClientId;
    // Listen only after loading, so loading itself is not logged again.
    doc.on('update', this.onUpdate);
    if (this.shared && !this.committed) doc.on('beforeTransaction', this.beforeLocalChange);
    return doc;
  }

  /** The document changed (or was rebuilt): the greetings are encoded again when next asked for. */
  private forgetGreetings(): void {
    this.step1 = undefined;
    this.wholeStep2 = undefined;
  }

  /** Shared mode: the first change of this instance's own (a client's update, the server's) leaves the committed state behind: copy it first. */
  private readonly beforeLocalChange = (transaction: Y.Transaction): void => {
    if (transaction.origin !== REMOTE_ORIGIN) this.copyCommitted();
  };

  /** The committed copy, made from the live document's state in one update (rebuilding it from the rows cost as much as loading). */
  private copyCommitted(): void {
    if (this.committed || this.doc.isDestroyed) return;
    this.committed = docFromUpdates([Y.encodeStateAsUpdate(this.doc)]);
    this.doc.off('beforeTransaction', this.beforeLocalChange);
  }

  /**
   * Yjs emits 'update' for a transaction even when it throws half-way, and may leave half-linked
   * structs behind: forget what the refused update produced and rebuild the document from what is
   * stored plus what this turn accepted before it.
   */
  private rollBack(mark: number): void {
    this.pending.length = mark;
    this.pendingBytes = this.pending.reduce((sum, u) => sum + u.byteLength, 0);
    this.rebuild();
  }

  private rebuild(): void {
    const old = this.doc;
    // Shared mode: the committed copy lacks the turns whose commit is out, which the live document had.
    const stored = this.store ? this.store.loadDoc(this.roomId, this.name).updates : [Y.encodeStateAsUpdate(this.committedCopy()!), ...this.inFlight];
    this.doc = this.build([...stored, ...this.pending]);
    old.off('update', this.onUpdate);
    old.destroy();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.forgetGreetings();
    if (origin === REMOTE_ORIGIN) return;
    if (!this.applying) this.onOwnWrite(this.doc.clientID);
    this.pending.push(update);
    this.pendingBytes += update.byteLength;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.scheduler.schedule(this);
    }
  };
}

/** Whether `stateVector` is Yjs's encoding of an empty one (no client: a varuint 0), as a new client sends. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** A Yjs-style random client id, never the single server's SERVER_CLIENT_ID. */
function randomClientId(): number {
  for (;;) {
    const id = new Y.Doc().clientID;
    if (id !== SERVER_CLIENT_ID) return id;
  }
}
