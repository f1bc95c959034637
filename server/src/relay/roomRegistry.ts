import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { RoomStore } from '../store/roomStore.ts';
import { Connection, type ConnectionInfo, type Corkable } from './connection.ts';
import { MessageReceiver, type ReceiverLimits } from './messageReceiver.ts';
import type { RelayMetrics } from './metrics.ts';
import { CLOSE } from './protocol.ts';
import { RestoreRequests } from './restoreRequests.ts';
import type { VersionKeeper } from './roomHistory.ts';
import type { SharedDocs } from './shared/sharedDocs.ts';
import type { SharedPresence } from './shared/sharedPresence.ts';

/** Shared mode's per-instance pipelines: documents through PostgreSQL and Redis, presence over Redis, History in PostgreSQL. */
export type SharedRooms = { docs: SharedDocs; presence: SharedPresence; history: VersionKeeper };
import { Room, type RoomLimits } from './room.ts';
import { TurnFlusher, type SlowTurn } from './turnFlusher.ts';

export type RegistryLimits = RoomLimits &
  ReceiverLimits & {
    maxRoomsLoaded: number;
    maxRoomsLoadedPerIp: number;
    roomIdleMs: number;
    maxBufferedBytes: number;
    /** A turn slower than this (first work to last write) is logged with where its time went (SLOW_TURN_MS). */
    slowTurnMs?: number;
  };

export class TooManyRoomsError extends Error {
  override name = 'TooManyRoomsError';
}

/**
 * The rooms' lifecycle, as hocuspocus's Hocuspocus.ts is: binds each accepted socket to its room,
 * loads rooms on first connection and unloads them after a grace period with nobody in them, so
 * memory follows the rooms in use, not every room ever opened.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Which address's connection loaded each room, and how many each address has loaded (MAX_ROOMS_LOADED_PER_IP). */
  private readonly loadedBy = new Map<string, string>();
  private readonly loadedPerAddress = new Map<string, number>();
  /** One store transaction per event-loop turn for every room's accepted updates. */
  private readonly flusher: TurnFlusher | SharedDocs;
  /** Shared mode: rooms being read from PostgreSQL, so connections arriving meanwhile wait for the same load. */
  private readonly loading = new Map<string, Promise<void>>();
  /** Told the address of each connection whose update was rolled back (a document rebuilt for it). */
  onRollback: (address: string) => void = () => {};
  /** Restores asked for by `okr restore` while this server runs; none in shared mode, where the tool appends to PostgreSQL's log itself. */
  private readonly restores: RestoreRequests | undefined;

  /** A single server's SQLite store; none in shared mode. */
  private readonly store: RoomStore | undefined;
  /** Shared mode: documents live in PostgreSQL and cross instances over Redis (relay/shared/). */
  private readonly shared: SharedRooms | undefined;

  constructor(
    storage: RoomStore | SharedRooms,
    private readonly limits: RegistryLimits,
    private readonly metrics: RelayMetrics,
    private readonly log: Logger,
  ) {
    if ('docs' in storage) {
      this.shared = storage;
      this.flusher = storage.docs;
    } else {
      this.store = storage;
      this.flusher = new TurnFlusher(storage, { onSlowTurn: (turn) => log.warn(roundTimes(turn), 'slow turn'), slowTurnMs: limits.slowTurnMs });
      this.restores = new RestoreRequests(storage, (roomId) => this.rooms.get(roomId), log);
      this.restores.start();
    }
  }

  /** Binds an accepted socket (`socket` is the one under `ws`, for corked writes) to its room's document, or closes it when the room cannot take it. */
  connect(ws: WebSocket, info: ConnectionInfo, socket: Corkable): void {
    if (!this.shared || this.rooms.has(info.roomId)) return this.bind(ws, info, socket);
    // Reading the room takes a few round trips: hold the socket's frames until it is open.
    ws.pause();
    this.loadShared(info.roomId, info.address).then(
      () => {
        this.bind(ws, info, socket);
        ws.resume();
      },
      (err: Error) => {
        this.log[err instanceof TooManyRoomsError ? 'warn' : 'error']({ err: err.message }, 'room could not be loaded');
        this.metrics.closed('serverBusy');
        ws.close(CLOSE.serverBusy.code, CLOSE.serverBusy.reason);
      },
    );
  }

  private bind(ws: WebSocket, info: ConnectionInfo, socket: Corkable): void {
    let room: Room;
    try {
      room = this.acquire(info.roomId, info.address);
    } catch (err) {
      this.log[err instanceof TooManyRoomsError ? 'warn' : 'error']({ err: (err as Error).message }, 'room could not be loaded');
      this.metrics.closed('serverBusy');
      ws.close(CLOSE.serverBusy.code, CLOSE.serverBusy.reason);
      return;
    }
    if (ws.readyState !== ws.OPEN) {
      // Gone while its room was read: no close event is coming for it.
      this.release(room);
      return;
    }
    // A rotation that landed after admission read the keys (or while the room was read) revalidated
    // the room before this connection was in it: check the link again now that it joins.
    const refusal = !info.stillValid()
      ? 'revoked'
      : !room.hasRoomFor(info.docName)
        ? 'roomFull'
        : !room.hasSeatFor(info.docName, info.address)
          ? 'addressFull'
          : undefined;
    if (refusal) {
      this.metrics.closed(refusal);
      ws.close(CLOSE[refusal].code, CLOSE[refusal].reason);
      this.release(room);
      return;
    }
    const connection = new Connection(ws, info, this.log, this.metrics, this.limits.maxBufferedBytes, {
      frame: (frame) => receiver.receive(frame),
      gone: (gone) => {
        receiver.stop();
        room.leave(gone);
        this.connections.delete(gone);
        this.metrics.connections.set(this.connections.size);
        this.release(room);
      },
    }, socket, this.flusher);
    const receiver = new MessageReceiver(room, connection, this.metrics, connection, this.limits, () => this.onRollback(info.address));
    room.join(connection);
    this.connections.add(connection);
    this.metrics.connections.set(this.connections.size);
    this.log.debug({ room: info.roomId, doc: info.docName, role: info.role }, 'connection opened');
  }

  /** After a rotation: closes the room's connections whose link no longer opens it (4410). */
  revalidate(roomId: string): number {
    let closed = 0;
    for (const connection of [...this.connections]) {
      if (connection.info.roomId !== roomId || connection.info.stillValid()) continue;
      connection.close('revoked');
      closed++;
    }
    return closed;
  }

  /** The ping sweep: connections that missed the last pong are dropped, the rest pinged. */
  pingAll(): void {
    for (const connection of [...this.connections]) connection.ping();
  }

  connectionCount(): number {
    return this.connections.size;
  }

  /** Shared mode: reads the room (joining its bus channel first) and registers it; concurrent connections share one load. */
  private loadShared(roomId: string, address: string): Promise<void> {
    const shared = this.shared!;
    let loading = this.loading.get(roomId);
    if (!loading) {
      this.checkLoadLimits(address);
      loading = shared.docs.open(roomId).then((preloaded) => {
        if (this.rooms.has(roomId)) return;
        const room = this.register(roomId, address, () => new Room(roomId, { preloaded, versions: shared.history }, this.limits, this.metrics, shared.docs));
        shared.docs.attach(roomId, (name) => room.doc(name));
        shared.presence.attach(room);
      });
      const settled = loading.finally(() => this.loading.delete(roomId));
      this.loading.set(roomId, settled);
      return settled;
    }
    return loading;
  }

  /**
   * Shared mode, after a failed or timed-out commit: every socket of these rooms is closed with a
   * retry code and the copies (with their uncommitted updates) are dropped without storing
   * anything. Clients still hold their edits and send them again where they reconnect.
   */
  dropRooms(roomIds: readonly string[]): void {
    for (const roomId of roomIds) {
      const room = this.rooms.get(roomId);
      if (!room) continue;
      this.cancelUnload(roomId);
      this.rooms.delete(roomId);
      this.forgetLoader(roomId);
      this.shared?.presence.detach(roomId);
      this.shared?.docs.close(roomId, { compact: false });
      for (const peer of [...room.connectionsOf('board'), ...room.connectionsOf('control')]) peer.close('storeUnavailable');
      room.discard();
      this.metrics.roomsLoaded.set(this.rooms.size);
    }
  }

  private checkLoadLimits(address: string): void {
    if (this.rooms.size + this.loading.size >= this.limits.maxRoomsLoaded) throw new TooManyRoomsError();
    // One address filling the server would refuse everyone else's rooms.
    const byAddress = this.loadedPerAddress.get(address) ?? 0;
    if (byAddress >= this.limits.maxRoomsLoadedPerIp) throw new TooManyRoomsError(`${address} has ${byAddress} rooms loaded`);
  }

  private register(roomId: string, address: string, make: () => Room): Room {
    const started = performance.now();
    const room = make();
    this.rooms.set(roomId, room);
    this.loadedBy.set(roomId, address);
    this.loadedPerAddress.set(address, (this.loadedPerAddress.get(address) ?? 0) + 1);
    this.metrics.roomsLoaded.set(this.rooms.size);
    this.log.debug({ room: roomId, ms: Math.round(performance.now() - started) }, 'room loaded');
    return room;
  }

  /** The loaded room, loading it completely from the store first if needed (synchronously; shared mode loaded it before). */
  private acquire(roomId: string, address: string): Room {
    this.cancelUnload(roomId);
    const room = this.rooms.get(roomId);
    if (room) return room;
    const store = this.store;
    if (!store) throw new Error('shared mode loads a room before binding its connections');
    this.checkLoadLimits(address);
    return this.register(roomId, address, () => new Room(roomId, store, this.limits, this.metrics, this.flusher));
  }

  /** Called when a connection leaves: an empty room unloads after the grace period. */
  private release(room: Room): void {
    if (this.rooms.get(room.id) !== room) return;
    if (room.connectionCount() > 0 || this.idleTimers.has(room.id)) return;
    const timer = setTimeout(() => this.unload(room.id), this.limits.roomIdleMs);
    timer.unref();
    this.idleTimers.set(room.id, timer);
  }

  get(roomId: string): Room | undefined {
    return this.rooms.get(roomId);
  }

  /** Stores what a loaded room accepted this turn (and broadcasts it), so the store has all of it. */
  flush(roomId: string): void {
    const room = this.rooms.get(roomId);
    room?.board.flush();
    room?.control.flush();
    room?.privateDoc.flush();
  }

  loadedCount(): number {
    return this.rooms.size;
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  unload(roomId: string): void {
    this.cancelUnload(roomId);
    const room = this.rooms.get(roomId);
    if (!room || room.connectionCount() > 0) return;
    this.shared?.presence.detach(roomId);
    this.shared?.docs.close(roomId, { compact: true });
    try {
      room.unload();
    } catch (err) {
      this.log.error({ err: (err as Error).message, room: roomId }, 'room unload failed; its log stays in the store');
    }
    this.rooms.delete(roomId);
    this.forgetLoader(roomId);
    this.metrics.roomsLoaded.set(this.rooms.size);
    this.log.debug({ room: roomId }, 'room unloaded');
  }

  /**
   * Shutdown: tell every client we are going away, flush and compact every room. Resolves once
   * every socket has closed.
   */
  closeAll(): Promise<void> {
    this.restores?.stop();
    const closed = Promise.all([...this.connections].map((connection) => connection.whenClosed()));
    for (const room of [...this.rooms.values()]) {
      for (const name of ['board', 'control'] as const) {
        for (const peer of [...room.connectionsOf(name)]) peer.close('goingAway');
      }
      this.unload(room.id);
    }
    return closed.then(() => undefined);
  }

  private forgetLoader(roomId: string): void {
    const address = this.loadedBy.get(roomId);
    if (address === undefined) return;
    this.loadedBy.delete(roomId);
    const left = (this.loadedPerAddress.get(address) ?? 1) - 1;
    if (left > 0) this.loadedPerAddress.set(address, left);
    else this.loadedPerAddress.delete(address);
  }

  private cancelUnload(roomId: string): void {
    const timer = this.idleTimers.get(roomId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(roomId);
    }
  }
}

/** A slow turn's figures for the log, milliseconds to a hundredth. */
function roundTimes(turn: SlowTurn): Record<string, number | boolean> {
  return Object.fromEntries(Object.entries(turn).map(([key, value]) => [key, typeof value === 'number' ? Math.round(value * 100) / 100 : value]));
}
