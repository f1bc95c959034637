import type { PgRetention } from '../store/postgres/pgRetention.ts';
import type { RoomRecord, RoomStore } from '../store/roomStore.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

type PruneOptions = { now?: number; dryRun?: boolean };

/**
 * Deletes the rooms with no edit for `days` (ROOM_RETENTION_DAYS), except those `inUse` (loaded
 * by a running server), and returns them; `dryRun` only lists them. Used by the server's timer
 * and `okr prune` alike: `pruneRooms(store, 30, { now })`.
 */
export function pruneRooms(store: RoomStore, days: number, options: PruneOptions & { inUse?: (roomId: string) => boolean } = {}): RoomRecord[] {
  const { now = Date.now(), dryRun = false, inUse = () => false } = options;
  const old = store.roomsIdleSince(now - days * DAY_MS).filter((room) => !inUse(room.id));
  if (!dryRun) for (const room of old) store.deleteRoom(room.id);
  return old;
}

/**
 * pruneRooms in shared mode: one transaction per room, each checking again under its locks, so a
 * room edited or loaded by any instance since the listing is left alone (and not returned).
 */
export async function pruneSharedRooms(retention: PgRetention, days: number, options: PruneOptions = {}): Promise<RoomRecord[]> {
  const { now = Date.now(), dryRun = false } = options;
  const before = now - days * DAY_MS;
  const old = await retention.idleRooms(before);
  if (dryRun) return old;
  const deleted: RoomRecord[] = [];
  for (const room of old) if (await retention.deleteIfIdle(room.id, before)) deleted.push(room);
  return deleted;
}
