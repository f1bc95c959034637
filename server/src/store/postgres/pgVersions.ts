import type pg from 'pg';
import { inTransaction } from './pgClient.ts';
import { DEFAULT_THINNING, type NewVersion, type VersionInfo } from '../versionStore.ts';
import { versionsToDrop, type ThinningLimits, type VersionReason } from '../versionThinning.ts';

type VersionRow = { id: string; room_id: string; created_at: string; reason: VersionReason; step: string; bytes: number; card_ids: string[] };

/** What `add` did: the new version's id (null when `wanted` declined) and the newest version's time afterwards. */
export type AddedVersion = { id: number | null; newestAt: number | null };

const COLUMNS = 'id, room_id, created_at, reason, step, bytes, card_ids';

/**
 * The rooms' History in PostgreSQL (shared mode): the same versions, thinning and meaning as the
 * SQLite VersionStore, read by every instance and the okr tool. Two instances holding a room can
 * both see a trigger (each applies its own people's updates); `add` decides under a per-room
 * advisory lock, against the newest version any of them kept, so the second takes none.
 */
export class PgVersions {
  constructor(
    private readonly pool: pg.Pool,
    private readonly limits: ThinningLimits = DEFAULT_THINNING,
  ) {}

  /**
   * Keeps a version of a room's board unless `wanted(newestAt)`, asked with the newest version's
   * time once the room's versions are locked, says no; then thins the room's history. One
   * transaction. Example: two instances' periodic versions a second apart: the later is declined.
   */
  async add(roomId: string, version: NewVersion, wanted: (newestAt: number | null) => boolean = () => true): Promise<AddedVersion> {
    const createdAt = version.createdAt ?? Date.now();
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`versions/${roomId}`]);
      const newest = await newestIn(client, roomId);
      if (!wanted(newest)) return { id: null, newestAt: newest };
      const inserted = await client.query<{ id: string }>(
        'INSERT INTO versions (room_id, created_at, reason, step, snapshot, bytes, card_ids) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [roomId, createdAt, version.reason, version.step, Buffer.from(version.board), version.board.byteLength, JSON.stringify(version.cardIds)],
      );
      const kept = await client.query<VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE room_id = $1`, [roomId]);
      const drop = versionsToDrop(kept.rows.map(toInfo), createdAt, this.limits);
      if (drop.length > 0) await client.query('DELETE FROM versions WHERE id = ANY($1::bigint[])', [drop]);
      return { id: Number(inserted.rows[0]!.id), newestAt: Math.max(createdAt, newest ?? createdAt) };
    });
  }

  /**
   * Copies a room's History from a SQLite store (`okr migrate`), each version with its time, step
   * and snapshot (ids are new). Only into a room with no versions here yet, so a second run (or
   * one after a failed copy) neither doubles nor mixes them; returns whether it copied.
   */
  async importHistory(roomId: string, versions: readonly (VersionInfo & { snapshot: Uint8Array })[]): Promise<boolean> {
    if (versions.length === 0) return false;
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`versions/${roomId}`]);
      if ((await newestIn(client, roomId)) !== null) return false;
      await client.query(
        `INSERT INTO versions (room_id, created_at, reason, step, snapshot, bytes, card_ids)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bytea[], $6::integer[], $7::jsonb[])`,
        [
          roomId,
          versions.map((v) => v.createdAt),
          versions.map((v) => v.reason),
          versions.map((v) => v.step),
          versions.map((v) => Buffer.from(v.snapshot)),
          versions.map((v) => v.snapshot.byteLength),
          versions.map((v) => JSON.stringify(v.cardIds)),
        ],
      );
      return true;
    });
  }

  /** The room's versions, newest first (without their snapshots). */
  async list(roomId: string): Promise<VersionInfo[]> {
    const result = await this.pool.query<VersionRow>(`SELECT ${COLUMNS} FROM versions WHERE room_id = $1 ORDER BY created_at DESC, id DESC`, [roomId]);
    return result.rows.map(toInfo);
  }

  /** The newest version's time, or null when the room has none. */
  async newestAt(roomId: string): Promise<number | null> {
    return newestIn(this.pool, roomId);
  }

  /** The version's board snapshot, or undefined when the room has no such version. */
  async snapshot(roomId: string, versionId: number): Promise<Uint8Array | undefined> {
    const result = await this.pool.query<{ snapshot: Buffer }>('SELECT snapshot FROM versions WHERE room_id = $1 AND id = $2', [roomId, versionId]);
    const row = result.rows[0];
    return row && new Uint8Array(row.snapshot);
  }
}

async function newestIn(db: Pick<pg.Pool, 'query'>, roomId: string): Promise<number | null> {
  const result = await db.query<{ at: string | null }>('SELECT max(created_at) AS at FROM versions WHERE room_id = $1', [roomId]);
  const at = result.rows[0]?.at;
  return at === null || at === undefined ? null : Number(at);
}

function toInfo(row: VersionRow): VersionInfo {
  return { id: Number(row.id), roomId: row.room_id, createdAt: Number(row.created_at), reason: row.reason, step: row.step, bytes: row.bytes, cardIds: row.card_ids };
}
