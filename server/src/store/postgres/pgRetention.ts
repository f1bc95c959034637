import type pg from 'pg';
import type { RoomRecord } from '../roomStore.ts';
import { inTransaction } from './pgClient.ts';
import { ROOM_IS_HELD } from './pgRoomHolds.ts';

type RoomRow = { id: string; title: string; created_at: string; last_activity: string };

/**
 * Retention in shared mode (`okr prune`, ROOM_RETENTION_DAYS): what the SQLite store's
 * roomsIdleSince and deleteRoom do, safe while instances run. A room counts as in use when its last
 * commit is recent (every append stamps `rooms.last_activity`) or when an instance holds it loaded
 * (pgRoomHolds.ts), whatever its age.
 */
export class PgRetention {
  constructor(private readonly pool: pg.Pool) {}

  /** Rooms whose last edit is older than `before` (ms since the epoch) and that no instance holds, oldest first. */
  async idleRooms(before: number): Promise<RoomRecord[]> {
    const result = await this.pool.query<RoomRow>(
      `SELECT id, title, created_at, last_activity FROM rooms WHERE last_activity < $1 AND NOT ${ROOM_IS_HELD} ORDER BY last_activity, id`,
      [before],
    );
    return result.rows.map((row) => ({ id: row.id, title: row.title, createdAt: Number(row.created_at), lastActivity: Number(row.last_activity) }));
  }

  /**
   * Deletes a room with its documents' heads, log and snapshots (and its holds), in one transaction,
   * if it is still idle and unheld once locked; returns whether it did. Locks go in the order an
   * append takes them (the head rows, then the room row), so a commit landing meanwhile either
   * finishes first, and its new last_activity spares the room, or finds the room gone; an instance
   * loading the room waits on the room row and then either holds it first or finds it gone.
   * Revoked key hashes stay, as in the SQLite store: an old link keeps saying it was rotated away.
   */
  async deleteIfIdle(roomId: string, before: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT 1 FROM doc_heads WHERE room_id = $1 ORDER BY doc FOR UPDATE', [roomId]);
      const room = await client.query('SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE', [roomId]);
      if (room.rowCount === 0) return false;
      const idle = await client.query(`SELECT 1 FROM rooms WHERE id = $1 AND last_activity < $2 AND NOT ${ROOM_IS_HELD}`, [roomId, before]);
      if (idle.rowCount === 0) return false;
      await client.query('DELETE FROM rooms WHERE id = $1', [roomId]);
      return true;
    });
  }
}
