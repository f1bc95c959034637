import type { Logger } from 'pino';
import type { RoomStore } from '../store/roomStore.ts';
import { Room, type RoomLimits } from './room.ts';
import type { RelayMetrics } from './metrics.ts';
import { TurnFlusher } from './turnFlusher.ts';

export class TooManyRoomsError extends Error {
  override name = 'TooManyRoomsError';
}

/**
 * Loads rooms on first connection and unloads them after a grace period with nobody in them, so
 * memory follows the rooms in use, not every room ever opened.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** One store transaction per event-loop turn for every room's accepted updates. */
  private readonly flusher: TurnFlusher;

  constructor(
    private readonly store: RoomStore,
    private readonly limits: RoomLimits & { maxRoomsLoaded: number; roomIdleMs: number },
    private readonly metrics: RelayMetrics,
    private readonly log: Logger,
  ) {
    this.flusher = new TurnFlusher(store);
  }

  /** The loaded room, loading it completely from the store first if needed (synchronously). */
  acquire(roomId: string): Room {
    this.cancelUnload(roomId);
    let room = this.rooms.get(roomId);
    if (!room) {
      if (this.rooms.size >= this.limits.maxRoomsLoaded) throw new TooManyRoomsError();
      const started = performance.now();
      room = new Room(roomId, this.store, this.limits, this.metrics, this.flusher);
      this.rooms.set(roomId, room);
      this.metrics.roomsLoaded.set(this.rooms.size);
      this.log.debug({ room: roomId, ms: Math.round(performance.now() - started) }, 'room loaded');
    }
    return room;
  }

  /** Called when a connection leaves: an empty room unloads after the grace period. */
  release(room: Room): void {
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
    try {
      room.unload();
    } catch (err) {
      this.log.error({ err: (err as Error).message, room: roomId }, 'room unload failed; its log stays in the store');
    }
    this.rooms.delete(roomId);
    this.metrics.roomsLoaded.set(this.rooms.size);
    this.log.debug({ room: roomId }, 'room unloaded');
  }

  /** Shutdown: tell every client we are going away, flush and compact every room. */
  closeAll(): void {
    for (const room of [...this.rooms.values()]) {
      for (const name of ['board', 'control'] as const) {
        for (const connection of [...room.connectionsOf(name)]) connection.close('goingAway');
      }
      this.unload(room.id);
    }
  }

  private cancelUnload(roomId: string): void {
    const timer = this.idleTimers.get(roomId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(roomId);
    }
  }
}
