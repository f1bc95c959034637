import type { RoomRecord, RoomStore } from '../store/roomStore.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the rooms with no edit for `days` (ROOM_RETENTION_DAYS), except those `inUse` (loaded
 * by a running server), and returns them; `dryRun` only lists them. Used by the server's timer
 * and `okr prune` alike: `pruneRooms(store, 30, { now })`.
 */
export function pruneRooms(store: RoomStore, days: number, options: { now?: number; dryRun?: boolean; inUse?: (roomId: string) => boolean } = {}): RoomRecord[] {
  const { now = Date.now(), dryRun = false, inUse = () => false } = options;
  const old = store.roomsIdleSince(now - days * DAY_MS).filter((room) => !inUse(room.id));
  if (!dryRun) for (const room of old) store.deleteRoom(room.id);
  return old;
}
