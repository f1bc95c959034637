import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import type { Connection } from './connection.ts';
import { encodeAwarenessMessage } from './protocol.ts';
import { RelayDoc } from './relayDoc.ts';
import type { RelayMetrics } from './metrics.ts';

export type RoomLimits = { maxDocBytes: number; compactAfterUpdates: number };

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
  /** Presence for the board: names, colours, who is writing. Never stored. */
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = { board: new Set<Connection>(), control: new Set<Connection>() };
  private changedPresence = new Set<number>();
  private presenceFlushScheduled = false;

  constructor(
    readonly id: string,
    store: RoomStore,
    private readonly limits: RoomLimits,
    private readonly metrics: RelayMetrics,
  ) {
    const onFlushed = (ms: number) => metrics.storeWrite(ms);
    this.board = new RelayDoc(id, 'board', store, (m) => this.broadcast('board', m), limits.compactAfterUpdates, onFlushed);
    this.control = new RelayDoc(id, 'control', store, (m) => this.broadcast('control', m), limits.compactAfterUpdates, onFlushed);
    this.awareness = new awarenessProtocol.Awareness(this.board.ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onPresence);
  }

  doc(name: DocName): RelayDoc {
    return name === 'board' ? this.board : this.control;
  }

  connectionCount(): number {
    return this.connections.board.size + this.connections.control.size;
  }

  join(connection: Connection): void {
    this.connections[connection.docName].add(connection);
  }

  /** Removes the connection and, at once, the presence it owned: no ghosts. */
  leave(connection: Connection): void {
    this.connections[connection.docName].delete(connection);
    if (connection.presenceIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.presenceIds], 'connection closed');
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
   * Applies a client's update, then (at the end of this turn) stores and broadcasts it. Updates
   * that do not decode as Yjs throw before touching the document.
   */
  applyUpdate(connection: Connection, update: Uint8Array): void {
    const relay = this.doc(connection.docName);
    if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) {
      relay.compact();
      if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) throw new DocTooLargeError();
    }
    Y.decodeUpdate(update);
    Y.applyUpdate(relay.ydoc, update, connection);
  }

  applyPresence(connection: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
  }

  /** Everyone's presence, for a new connection. */
  presenceSnapshot(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)) : null;
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

  private broadcast(name: DocName, message: Uint8Array): void {
    for (const connection of this.connections[name]) connection.send(message);
    this.metrics.broadcast();
  }

  private readonly onPresence = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owner = origin as Connection | undefined;
    for (const id of [...change.added, ...change.updated]) {
      owner?.presenceIds?.add(id);
      this.changedPresence.add(id);
    }
    for (const id of change.removed) {
      owner?.presenceIds?.delete(id);
      this.changedPresence.add(id);
    }
    if (!this.presenceFlushScheduled) {
      this.presenceFlushScheduled = true;
      setImmediate(this.flushPresence);
    }
  };

  /** Presence changes of one event-loop turn go out as one message, encoded once. */
  private readonly flushPresence = (): void => {
    this.presenceFlushScheduled = false;
    if (this.changedPresence.size === 0) return;
    const ids = [...this.changedPresence];
    this.changedPresence = new Set();
    this.broadcast('board', encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  };
}
