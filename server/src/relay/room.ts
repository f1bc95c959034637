import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ControlDoc, upgradeObjectiveText, upgradeTextFields } from '@okr/shared/doc';
import type { Role } from '../access.ts';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import type { RelayEvent } from './messageDecoder.ts';
import type { RelayMetrics } from './metrics.ts';
import { sizeLimitFor } from './docSizePolicy.ts';
import { checkPresenceSize, decodePresence, encodePresence } from './presence.ts';
import { PresenceOwners } from './presenceOwners.ts';
import { encodeAwarenessMessage, encodePermissionDenied, encodeSyncStep1, LOCKED_REASON, type CloseName } from './protocol.ts';
import { RelayDoc, type FlushScheduler, type PreloadedDoc } from './relayDoc.ts';
import { RoomHistory } from './roomHistory.ts';
import { bringsNews } from './updateNews.ts';
import { mayShowPresence, mayWrite, refusalMayHaveRacedTheLock } from './writePolicy.ts';

export type RoomLimits = {
  maxDocBytes: number;
  compactAfterUpdates: number;
  maxConnectionsPerRoom: number;
  maxConnectionsPerRoomPerIp: number;
  maxPresenceBytes: number;
  /** A presence id's changes go out at most once per this interval, the latest state winning. */
  presenceIntervalMs: number;
};

/**
 * What the room needs of a connection: who it is, which document it is bound to, a way to send it
 * messages and a way to close it with a reason. The websocket Connection is one; tests use fakes.
 * Everything the room sends a peer goes through `send`, so a per-peer outbox written once per turn
 * can sit behind it without the room changing.
 */
export interface Peer {
  readonly docName: DocName;
  readonly role: Role;
  /** The network address it came from: per-address limits count by it (behind a proxy, all share one). */
  readonly address: string;
  send(message: Uint8Array): void;
  close(name: CloseName, options?: { detail?: string }): void;
}

/** How long the clock of a departed presence id is kept (see forgetOldPresenceClocks). */
const PRESENCE_CLOCK_TTL_MS = 60_000;

export class DocTooLargeError extends Error {
  override name = 'DocTooLargeError';
}

/**
 * A loaded room: its two documents, presence, and its peers with the presence ids each owns. The
 * room applies every policy (roles, the lock, presence ownership, sizes); peers only carry bytes.
 */
export class Room {
  readonly board: RelayDoc;
  readonly control: RelayDoc;
  /**
   * Presence for the board: names, colours, who is writing. Never stored. It has a document of
   * its own (awareness only needs a client id) so the board document can be rebuilt under it.
   */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = { board: new Set<Peer>(), control: new Set<Peer>() };
  private readonly presenceOwners = new PresenceOwners<Peer>();
  /** Connections per document and address, so one address cannot take every seat. */
  private readonly seats = new Map<string, number>();
  private changedPresence = new Set<number>();
  private lastClockSweep = 0;
  private presenceFlushScheduled = false;
  /** Participants whose board edits met the lock: told once, and asked for them when the board unlocks. */
  private readonly heldByLock = new Set<Peer>();
  /** When each presence id was last broadcast, so a fast sender's states are coalesced. */
  private readonly presenceSentAt = new Map<number, number>();
  private presenceTimer: NodeJS.Timeout | undefined;
  private presenceTimerDue = Infinity;
  /** Typed reads of the control document; rebuilt when RelayDoc rebuilds its Y.Doc after a refused update. */
  private controlView: ControlDoc | undefined;
  /** Versions of the board to restore from: taken at step changes, reveals, big deletions and while busy. */
  readonly history: RoomHistory;

  constructor(
    readonly id: string,
    store: RoomStore,
    private readonly limits: RoomLimits,
    private readonly metrics: RelayMetrics,
    flusher?: FlushScheduler,
    /** Shared mode: each document's rows, read before the room opened (relay/shared/). */
    preloaded?: Partial<Record<DocName, PreloadedDoc>>,
  ) {
    const onFlushed = (ms: number) => metrics.storeWrite(ms);
    const source = (name: DocName) => preloaded?.[name] ?? store;
    this.board = new RelayDoc(id, 'board', source('board'), (m) => this.broadcast('board', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    this.control = new RelayDoc(id, 'control', source('control'), (m) => this.broadcast('control', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    // Boards saved before card text was Y.Text are converted once, here, where the server is the
    // only writer: two clients creating the same nested type would lose one's content.
    // The lock lifted on another instance: writers it held here are asked for their edits as on a local unlock.
    this.control.onRemoteApplied = () => {
      if (this.heldByLock.size > 0 && !this.isLocked()) this.askForHeldEdits();
    };
    upgradeTextFields(this.board.ydoc);
    upgradeObjectiveText(this.control.ydoc);
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onPresence);
    this.history = new RoomHistory(id, store.versions, { board: () => this.board.ydoc, controlState: () => this.controlState() });
  }

  doc(name: DocName): RelayDoc {
    return name === 'board' ? this.board : this.control;
  }

  /** Peers of one document, or of both when no name is given. */
  connectionCount(name?: DocName): number {
    return name ? this.peers[name].size : this.peers.board.size + this.peers.control.size;
  }

  /** Whether one more person may open this document: each person holds one connection per document, so the cap counts people. */
  hasRoomFor(name: DocName): boolean {
    return this.peers[name].size < this.limits.maxConnectionsPerRoom;
  }

  /** Whether `address` may hold one more of this document's seats (MAX_CONNECTIONS_PER_ROOM_PER_IP). */
  hasSeatFor(name: DocName, address: string): boolean {
    return (this.seats.get(`${name} ${address}`) ?? 0) < this.limits.maxConnectionsPerRoomPerIp;
  }

  /** Adds a peer and greets it: our state vector (so it sends what we lack) and, on the board, everyone's presence. */
  join(peer: Peer): void {
    this.peers[peer.docName].add(peer);
    const seat = `${peer.docName} ${peer.address}`;
    this.seats.set(seat, (this.seats.get(seat) ?? 0) + 1);
    peer.send(encodeSyncStep1(this.doc(peer.docName).ydoc));
    if (peer.docName === 'board') this.sendPresenceSnapshot(peer);
  }

  /** Removes the peer and, at once, the presence it owned: no ghosts. */
  leave(peer: Peer): void {
    if (!this.peers[peer.docName].delete(peer)) return;
    this.heldByLock.delete(peer);
    const seat = `${peer.docName} ${peer.address}`;
    const held = (this.seats.get(seat) ?? 1) - 1;
    if (held > 0) this.seats.set(seat, held);
    else this.seats.delete(seat);
    const owned = this.presenceOwners.release(peer);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, 'connection closed');
    this.forgetOldPresenceClocks();
  }

  /**
   * Acts on one decoded message from a peer. Throws DocTooLargeError, UpdateRejectedError,
   * MalformedPresenceError or PresenceTooBigError for what must close the peer; the caller closes it.
   */
  receive(peer: Peer, event: RelayEvent): void {
    switch (event.kind) {
      case 'syncRequest':
        return this.answerSyncRequest(peer, event.stateVector);
      case 'update':
        return this.receiveUpdate(peer, event.update);
      case 'presence':
        if (mayShowPresence(peer.role, peer.docName)) this.applyPresence(peer, event.update);
        return;
      case 'presenceQuery':
        return this.sendPresenceSnapshot(peer);
      case 'auth':
        return;
    }
  }

  /** Whether the board is locked: then only a facilitator may change it. */
  isLocked(): boolean {
    return this.controlState().locked;
  }

  private controlState(): ReturnType<ControlDoc['state']> {
    if (this.controlView?.ydoc !== this.control.ydoc) this.controlView = new ControlDoc(this.control.ydoc);
    return this.controlView.state();
  }

  /** Presence ids currently shown to the room (for tests and diagnostics). */
  presenceIds(): number[] {
    return [...this.awareness.getStates().keys()];
  }

  connectionsOf(name: DocName): ReadonlySet<Peer> {
    return this.peers[name];
  }

  /** Flushes, compacts and frees the room; the caller has closed its connections. */
  unload(): void {
    this.board.compact();
    this.control.compact();
    this.discard();
  }

  /** Frees the room without storing anything (shared mode, after a failed commit: its copy may hold uncommitted updates). */
  discard(): void {
    this.awareness.off('update', this.onPresence);
    clearTimeout(this.presenceTimer);
    this.awareness.destroy();
    this.board.destroy();
    this.control.destroy();
  }

  private answerSyncRequest(peer: Peer, stateVector: Uint8Array): void {
    const relay = this.doc(peer.docName);
    // Nothing leaves the server before the store has it.
    peer.send(relay.syncStep2(stateVector));
  }

  /**
   * A write the peer may make is applied; one it may not is dropped. A participant's board edit that
   * meets the lock keeps its connection (closing it made clients reconnect in a loop): the server
   * tells the writer once and asks for its held edits with sync step 1 when the board unlocks.
   */
  private receiveUpdate(peer: Peer, update: Uint8Array): void {
    const wasLocked = this.isLocked();
    if (mayWrite(peer.role, peer.docName, wasLocked)) {
      this.applyUpdate(peer, update);
      if (wasLocked && !this.isLocked()) this.askForHeldEdits();
      return;
    }
    this.metrics.dropped();
    if (!refusalMayHaveRacedTheLock(peer.role, peer.docName) || this.heldByLock.has(peer) || !bringsNews(this.board.ydoc, update)) return;
    this.heldByLock.add(peer);
    peer.send(encodePermissionDenied(LOCKED_REASON));
  }

  /** Each writer the lock refused answers our state vector with what it kept, which now applies. */
  private askForHeldEdits(): void {
    for (const peer of this.heldByLock) peer.send(encodeSyncStep1(this.board.ydoc));
    this.heldByLock.clear();
  }

  /**
   * Applies a peer's update, then (at the end of this turn) stores and broadcasts it. An update
   * that would grow the document past its limit throws DocTooLargeError; one that does not apply
   * cleanly throws UpdateRejectedError and changes nothing.
   */
  private applyUpdate(peer: Peer, update: Uint8Array): void {
    const relay = this.doc(peer.docName);
    if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) {
      // Deletions are stored as more log entries until the next compaction; fold them in first.
      relay.compact();
      const limit = sizeLimitFor(peer.role, update, this.limits.maxDocBytes);
      if (relay.approximateBytes() + update.byteLength > limit) throw new DocTooLargeError();
    }
    if (peer.docName === 'board') {
      this.history.beforeBoardUpdate(update);
      relay.apply(update, peer);
      return;
    }
    const before = this.controlState();
    relay.apply(update, peer);
    this.history.afterControlUpdate(before);
  }

  /** Applies the entries of a peer's presence update it may apply; every entry is decoded first, so a bad one refuses the whole message. */
  private applyPresence(peer: Peer, update: Uint8Array): void {
    const known = (clientId: number) => ({ clock: this.awareness.meta.get(clientId)?.clock ?? 0, shown: this.awareness.states.has(clientId) });
    const decoded = decodePresence(update);
    checkPresenceSize(decoded, this.limits.maxPresenceBytes);
    const entries = this.presenceOwners.admit(peer, decoded, known);
    if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresence(entries), peer);
  }

  private sendPresenceSnapshot(peer: Peer): void {
    const ids = this.presenceIds();
    if (ids.length > 0) peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * Awareness keeps the clock of every id it has seen, so that a late copy of an old state cannot
   * bring a departed person back: stock clients echo every presence update they receive, and an
   * echo can arrive after the removal. Clocks of ids gone for a while are only memory; forget them
   * once they pile up.
   */
  private forgetOldPresenceClocks(now = Date.now()): void {
    const { meta, states } = this.awareness;
    if (meta.size < 2 * states.size + 64 || now - this.lastClockSweep < PRESENCE_CLOCK_TTL_MS / 6) return;
    this.lastClockSweep = now;
    for (const [id, { lastUpdated }] of meta) {
      if (!states.has(id) && !this.presenceOwners.isOwned(id) && now - lastUpdated > PRESENCE_CLOCK_TTL_MS) meta.delete(id);
    }
  }

  private broadcast(name: DocName, message: Uint8Array, kind: 'update' | 'presence'): void {
    for (const peer of this.peers[name]) peer.send(message);
    this.metrics.broadcast(kind);
  }

  private readonly onPresence = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of [...change.added, ...change.updated, ...change.removed]) this.changedPresence.add(id);
    if (!this.presenceFlushScheduled) {
      this.presenceFlushScheduled = true;
      setImmediate(this.flushPresence);
    }
  };

  /**
   * Presence changes of one event-loop turn go out as one message, encoded once. An id changed
   * again within PRESENCE_INTERVAL_MS waits, and its latest state goes out when the interval is
   * up: a fast sender costs everyone one state per interval. Departures go out at once.
   */
  private readonly flushPresence = (now = Date.now()): void => {
    this.presenceFlushScheduled = false;
    if (this.changedPresence.size === 0) return;
    const due: number[] = [];
    let nextDue = Infinity;
    for (const id of this.changedPresence) {
      const dueAt = this.awareness.states.has(id) ? (this.presenceSentAt.get(id) ?? -Infinity) + this.limits.presenceIntervalMs : now;
      if (dueAt <= now) due.push(id);
      else nextDue = Math.min(nextDue, dueAt);
    }
    for (const id of due) {
      this.changedPresence.delete(id);
      if (this.awareness.states.has(id)) this.presenceSentAt.set(id, now);
      else this.presenceSentAt.delete(id);
    }
    const ids = due.filter((id) => this.awareness.meta.has(id));
    if (ids.length > 0) this.broadcast('board', encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)), 'presence');
    if (nextDue < this.presenceTimerDue) {
      clearTimeout(this.presenceTimer);
      this.presenceTimerDue = nextDue;
      this.presenceTimer = setTimeout(() => {
        this.presenceTimerDue = Infinity;
        this.flushPresence();
      }, nextDue - now);
      this.presenceTimer.unref();
    }
  };
}
