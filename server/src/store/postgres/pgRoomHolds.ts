import type pg from 'pg';
import type { Logger } from 'pino';

/** How long a hold lasts unless renewed: a killed instance's rooms are free to prune this long after it died. */
export const HOLD_TTL_SECONDS = 180;
/** How often an instance renews the holds of the rooms it has loaded (well inside the TTL, so one missed renewal costs nothing). */
const RENEW_MS = 60_000;

/** SQL, for retention: true when an instance holds the room `rooms.id` now (times are PostgreSQL's, so instance clocks do not matter). */
export const ROOM_IS_HELD = 'EXISTS (SELECT 1 FROM room_holds h WHERE h.room_id = rooms.id AND h.held_until > now())';

export class RoomGoneError extends Error {
  override name = 'RoomGoneError';
}

/**
 * One instance's holds on the rooms it has loaded, in PostgreSQL: how retention (`okr prune`, the
 * sweep) sees a room in use that nobody has edited for days, such as a board open on a projector.
 * `hold` runs when a room is loaded, before its documents are read; the insert's foreign-key check
 * waits for a prune that has the room row locked, so a room is either held before a prune looks at
 * it or gone before it is loaded (`hold` then throws RoomGoneError), never deleted under a reader.
 */
export class RoomHolds {
  private readonly held = new Set<string>();
  /** Releases in flight: a room loaded again right after it unloaded must not have its new hold deleted by the old release. */
  private readonly releasing = new Map<string, Promise<void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pool: pg.Pool,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.renew(), RENEW_MS);
    this.timer.unref();
  }

  /** Holds `roomId` for this instance; throws RoomGoneError when the room was deleted meanwhile. */
  async hold(roomId: string): Promise<void> {
    await this.releasing.get(roomId);
    try {
      await this.pool.query(
        `INSERT INTO room_holds (room_id, instance_id, held_until) VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (room_id, instance_id) DO UPDATE SET held_until = excluded.held_until`,
        [roomId, this.instanceId, HOLD_TTL_SECONDS],
      );
    } catch (err) {
      if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw new RoomGoneError(`room ${roomId} was deleted`);
      throw err;
    }
    this.held.add(roomId);
  }

  /** The room was unloaded: retention may take it once it has been idle long enough. Best effort (the hold expires anyway). */
  release(roomId: string): void {
    if (!this.held.delete(roomId)) return;
    const done = this.pool
      .query('DELETE FROM room_holds WHERE room_id = $1 AND instance_id = $2', [roomId, this.instanceId])
      .then(
        () => {},
        (err: Error) => this.log.warn({ err: err.message, room: roomId }, 'could not release a room hold; it expires by itself'),
      )
      .finally(() => {
        if (this.releasing.get(roomId) === done) this.releasing.delete(roomId);
      });
    this.releasing.set(roomId, done);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One statement for every loaded room, touching only this instance's rows (so it never waits on another instance's). */
  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await this.pool.query('UPDATE room_holds SET held_until = now() + make_interval(secs => $3) WHERE instance_id = $1 AND room_id = ANY($2::text[])', [
        this.instanceId,
        [...this.held],
        HOLD_TTL_SECONDS,
      ]);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, rooms: this.held.size }, 'could not renew room holds; retrying in a minute');
    }
  }
}

const FOREIGN_KEY_VIOLATION = '23503';
