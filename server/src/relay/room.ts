import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import type { Connection } from './connection.ts';
import { encodeAwarenessMessage } from './protocol.ts';
import { RelayDoc, type FlushScheduler } from './relayDoc.ts';
import type { RelayMetrics } from './metrics.ts';
import { decodePresence, encodePresence, MalformedPresenceError } from './presence.ts';

export type RoomLimits = { maxDocBytes: number; compactAfterUpdates: number };

/** A stock client owns one presence id per connection; a few more allow for tabs sharing one socket in other clients. */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;
/** How long the clock of a departed presence id is kept (see forgetOldPresenceClocks). */
const PRESENCE_CLOCK_TTL_MS = 60_000;

/** An update that changes nothing: what an up-to-date client sends as its sync step 2. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

export class DocTooLargeError extends Error {
  override name = 'DocTooLargeError';
}

/**
 * A loaded room: its two documents, presence, and who is connected to which document. The room
 * decides what a connection may change; the connection only decodes and dispatches.
 */
export class Room {
  readonly board: RelayDoc;
  readonly control: RelayDoc;
  /**
   * Presence for the board: names, colours, who is writing. Never stored. It has a document of
   * its own (awareness only needs a client id) so the board document can be rebuilt under it.
   */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = { board: new Set<Connection>(), control: new Set<Connection>() };
  /** Which connection last set each presence id: only it may clear it, and its close clears it. */
  private readonly presenceOwner = new Map<number, Connection>();
  private changedPresence = new Set<number>();
  private lastClockSweep = 0;
  private presenceFlushScheduled = false;

  constructor(
    readonly id: string,
    store: RoomStore,
    private readonly limits: RoomLimits,
    private readonly metrics: RelayMetrics,
    flusher?: FlushScheduler,
  ) {
    const onFlushed = (ms: number) => metrics.storeWrite(ms);
    this.board = new RelayDoc(id, 'board', store, (m) => this.broadcast('board', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    this.control = new RelayDoc(id, 'control', store, (m) => this.broadcast('control', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onPresence);
  }

  doc(name: DocName): RelayDoc {
    return name === 'board' ? this.board : this.control;
  }

  /** Connections to one document, or to both when no name is given. */
  connectionCount(name?: DocName): number {
    return name ? this.connections[name].size : this.connections.board.size + this.connections.control.size;
  }

  join(connection: Connection): void {
    this.connections[connection.docName].add(connection);
  }

  /** Removes the connection and, at once, the presence it owned: no ghosts. */
  leave(connection: Connection): void {
    this.connections[connection.docName].delete(connection);
    const owned = [...connection.presenceIds].filter((id) => this.presenceOwner.get(id) === connection);
    connection.presenceIds.clear();
    for (const id of owned) this.presenceOwner.delete(id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, 'connection closed');
    this.forgetOldPresenceClocks();
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
      if (!states.has(id) && !this.presenceOwner.has(id) && now - lastUpdated > PRESENCE_CLOCK_TTL_MS) meta.delete(id);
    }
  }

  /** Whether the board is locked: then only a facilitator may change it. */
  isLocked(): boolean {
    return this.control.ydoc.getMap('control').get('locked') === true;
  }

  mayWrite(connection: Connection): boolean {
    if (connection.role === 'viewer') return false;
    if (connection.docName === 'control') return connection.role === 'facilitator';
    return connection.role === 'facilitator' || !this.isLocked();
  }

  /**
   * Applies a client's update, then (at the end of this turn) stores and broadcasts it. An update
   * that would grow the document past its limit throws DocTooLargeError; one that does not apply
   * cleanly throws UpdateRejectedError and changes nothing.
   */
  applyUpdate(connection: Connection, update: Uint8Array): void {
    const relay = this.doc(connection.docName);
    if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) {
      relay.compact();
      if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) throw new DocTooLargeError();
    }
    relay.apply(update, connection);
  }

  /**
   * Applies a connection's presence update. Every entry is decoded first (a bad one refuses the
   * whole message), and only entries that change something count: stock clients echo everyone's
   * presence back, at the clock they received it with. A connection takes over an id it sets with
   * a newer clock (a reconnecting client may reach us before its old socket is known dead), may
   * clear only ids it owns, and owns a few at most, so one connection can neither erase someone
   * else's presence nor fill the room with entries.
   */
  applyPresence(connection: Connection, update: Uint8Array): void {
    const entries = decodePresence(update).filter((entry) => {
      const current = this.awareness.meta.get(entry.clientId)?.clock ?? 0;
      if (entry.state !== null) return current < entry.clock;
      const clears = current < entry.clock || (current === entry.clock && this.awareness.states.has(entry.clientId));
      return clears && this.presenceOwner.get(entry.clientId) === connection;
    });
    if (entries.length === 0) return;
    const claimed = new Set(connection.presenceIds);
    for (const entry of entries) if (entry.state !== null) claimed.add(entry.clientId);
    if (claimed.size > MAX_PRESENCE_IDS_PER_CONNECTION) throw new MalformedPresenceError('too many presence ids on one connection');
    for (const entry of entries) {
      if (entry.state === null) continue;
      const previous = this.presenceOwner.get(entry.clientId);
      if (previous && previous !== connection) previous.presenceIds.delete(entry.clientId);
      this.presenceOwner.set(entry.clientId, connection);
      connection.presenceIds.add(entry.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresence(entries), connection);
  }

  /** Everyone's presence, for a new connection. */
  presenceSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)) : null;
  }

  /** Presence ids currently shown to the room (for tests and diagnostics). */
  presenceIds(): number[] {
    return [...this.awareness.getStates().keys()];
  }

  connectionsOf(name: DocName): ReadonlySet<Connection> {
    return this.connections[name];
  }

  /** Flushes, compacts and frees the room; the caller has closed its connections. */
  unload(): void {
    this.board.compact();
    this.control.compact();
    this.awareness.off('update', this.onPresence);
    this.awareness.destroy();
    this.board.destroy();
    this.control.destroy();
  }

  private broadcast(name: DocName, message: Uint8Array, kind: 'update' | 'presence'): void {
    for (const connection of this.connections[name]) connection.send(message);
    this.metrics.broadcast(kind);
  }

  private readonly onPresence = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of [...change.added, ...change.updated, ...change.removed]) this.changedPresence.add(id);
    if (!this.presenceFlushScheduled) {
      this.presenceFlushScheduled = true;
      setImmediate(this.flushPresence);
    }
  };

  /** Presence changes of one event-loop turn go out as one message, encoded once. */
  private readonly flushPresence = (): void => {
    this.presenceFlushScheduled = false;
    if (this.changedPresence.size === 0) return;
    const ids = [...this.changedPresence].filter((id) => this.awareness.meta.has(id));
    this.changedPresence = new Set();
    if (ids.length > 0) this.broadcast('board', encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)), 'presence');
  };
}
