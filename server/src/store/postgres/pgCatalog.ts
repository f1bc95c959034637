import { inTransaction } from './pgClient.ts';
import type pg from 'pg';
import { hashKey, newSecret } from '../keys.ts';
import type { KeyPlan, RoomKeys } from '../../rooms/rotateLinks.ts';
import type { CreatedRoom, StoredDocName, RoomKeyRow, RoomRecord } from '../roomStore.ts';
import { sealLinks } from '../sealedLinks.ts';

type RoomRow = { id: string; title: string; created_at: string; last_activity: string };

/**
 * The rooms and their keys in PostgreSQL: what the relay and the rooms API look up in shared mode.
 * Same rows and meaning as the SQLite store's; only key hashes are stored.
 */
export class PgCatalog {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * Creates a room with fresh id and keys and its documents' first states (sequence 1, 2, … per
   * document, in the order given), in one transaction. The keys are returned once.
   */
  async createRoom(title: string, initial: (roomId: string) => Partial<Record<StoredDocName, Uint8Array[]>>, now = Date.now()): Promise<CreatedRoom> {
    const room = { id: newSecret(), facilitatorKey: newSecret(), viewerKey: newSecret() };
    const docs = initial(room.id);
    const rows = Object.entries(docs).flatMap(([doc, updates]) => (updates ?? []).map((update, i) => ({ doc, seq: i + 1, update })));
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, sealed_links, created_at, last_activity) VALUES ($1, $2, $3, $4, $5, $6, $6)',
        [room.id, title, hashKey(room.facilitatorKey), hashKey(room.viewerKey), sealLinks({ viewerKey: room.viewerKey, participantKey: null }, room.facilitatorKey, room.id), now],
      );
      const heads = Object.entries(docs).map(([doc, updates]) => ({ doc, seq: updates?.length ?? 0 }));
      await client.query('INSERT INTO doc_heads (room_id, doc, seq) SELECT $1, * FROM unnest($2::text[], $3::bigint[])', [
        room.id,
        heads.map((h) => h.doc),
        heads.map((h) => h.seq),
      ]);
      await client.query('INSERT INTO doc_log (room_id, doc, seq, data) SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bytea[])', [
        room.id,
        rows.map((r) => r.doc),
        rows.map((r) => r.seq),
        rows.map((r) => Buffer.from(r.update)),
      ]);
    });
    return { ...room, title, createdAt: now, lastActivity: now };
  }

  /**
   * Copies one room as it is (`okr migrate`): its row, key hashes and revoked keys, and each
   * document as one log row. A room already there is left alone: returns false.
   */
  async importRoom(room: RoomRecord, keys: RoomKeyRow, revoked: { hash: Buffer; revokedAt: number }[], docs: Partial<Record<StoredDocName, Uint8Array>>): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, participant_key_hash, sealed_links, created_at, last_activity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [room.id, room.title, keys.facilitatorHash, keys.viewerHash, keys.participantHash, keys.sealedLinks, room.createdAt, room.lastActivity],
      );
      // Already there: the insert wrote nothing, and committing nothing leaves it as it was.
      if (inserted.rowCount === 0) return false;
      await client.query('INSERT INTO revoked_keys (hash, room_id, revoked_at) SELECT * FROM unnest($1::bytea[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING', [
        revoked.map((r) => r.hash),
        revoked.map(() => room.id),
        revoked.map((r) => r.revokedAt),
      ]);
      const entries = Object.entries(docs).filter((entry): entry is [string, Uint8Array] => entry[1] !== undefined);
      await client.query('INSERT INTO doc_heads (room_id, doc, seq) SELECT $1, unnest($2::text[]), 1', [room.id, entries.map(([doc]) => doc)]);
      for (const [doc, state] of entries) await client.query('INSERT INTO doc_log (room_id, doc, seq, data) VALUES ($1, $2, 1, $3)', [room.id, doc, Buffer.from(state)]);
      return true;
    });
  }

  /** Every room, most recently active first (`okr rooms` against DATABASE_URL). */
  async listRooms(): Promise<RoomRecord[]> {
    const result = await this.pool.query<RoomRow>('SELECT id, title, created_at, last_activity FROM rooms ORDER BY last_activity DESC');
    return result.rows.map(toRecord);
  }

  async getRoom(roomId: string): Promise<RoomRecord | undefined> {
    const result = await this.pool.query<RoomRow>('SELECT id, title, created_at, last_activity FROM rooms WHERE id = $1', [roomId]);
    const row = result.rows[0];
    return row && toRecord(row);
  }

  async keyRow(roomId: string): Promise<RoomKeyRow | undefined> {
    const result = await this.pool.query<{ f: Buffer; v: Buffer; p: Buffer | null; s: Buffer | null }>(
      'SELECT facilitator_key_hash AS f, viewer_key_hash AS v, participant_key_hash AS p, sealed_links AS s FROM rooms WHERE id = $1',
      [roomId],
    );
    const row = result.rows[0];
    return row && { facilitatorHash: row.f, viewerHash: row.v, participantHash: row.p, sealedLinks: row.s };
  }

  /**
   * A rotation in PostgreSQL: the room row locked (FOR UPDATE), `plan` run on its keys as they are
   * then, the new hashes, sealed links and revocations written, in one transaction stamped for the
   * instances' key watch. Concurrent rotations (on any instance, or `okr links`) take turns, each
   * planning from what the one before wrote. Undefined for an unknown room.
   */
  async changeKeys(roomId: string, plan: KeyPlan, now = Date.now()): Promise<RoomKeys | undefined> {
    return inTransaction(this.pool, async (client) => {
      const locked = await client.query<{ f: Buffer; v: Buffer; p: Buffer | null; s: Buffer | null }>(
        'SELECT facilitator_key_hash AS f, viewer_key_hash AS v, participant_key_hash AS p, sealed_links AS s FROM rooms WHERE id = $1 FOR UPDATE',
        [roomId],
      );
      const row = locked.rows[0];
      if (!row) return undefined;
      const { keys, change } = plan({ facilitatorHash: row.f, viewerHash: row.v, participantHash: row.p, sealedLinks: row.s });
      await client.query(
        `UPDATE rooms SET facilitator_key_hash = coalesce($1, facilitator_key_hash), viewer_key_hash = coalesce($2, viewer_key_hash),
           participant_key_hash = coalesce($3, participant_key_hash), sealed_links = $4, keys_changed_at = $5 WHERE id = $6`,
        [change.facilitatorHash ?? null, change.viewerHash ?? null, change.participantHash ?? null, change.sealedLinks, now, roomId],
      );
      await client.query('INSERT INTO revoked_keys (hash, room_id, revoked_at) SELECT unnest($1::bytea[]), $2, $3 ON CONFLICT DO NOTHING', [change.revoked, roomId, now]);
      return keys;
    });
  }

  /** Rooms whose keys changed after `since` (ms), with their key rows: each instance's watch for rotations made elsewhere. */
  async keysChangedSince(since: number): Promise<{ id: string; at: number; row: RoomKeyRow }[]> {
    const result = await this.pool.query<{ id: string; at: string; f: Buffer; v: Buffer; p: Buffer | null; s: Buffer | null }>(
      `SELECT id, keys_changed_at AS at, facilitator_key_hash AS f, viewer_key_hash AS v, participant_key_hash AS p, sealed_links AS s
         FROM rooms WHERE keys_changed_at > $1`,
      [since],
    );
    return result.rows.map((r) => ({ id: r.id, at: Number(r.at), row: { facilitatorHash: r.f, viewerHash: r.v, participantHash: r.p, sealedLinks: r.s } }));
  }

  async roomIdForViewerKey(viewerKey: string): Promise<string | undefined> {
    const result = await this.pool.query<{ id: string }>('SELECT id FROM rooms WHERE viewer_key_hash = $1', [hashKey(viewerKey)]);
    return result.rows[0]?.id;
  }

  async roomOfRevokedKey(key: string): Promise<string | undefined> {
    const result = await this.pool.query<{ room_id: string }>('SELECT room_id FROM revoked_keys WHERE hash = $1', [hashKey(key)]);
    return result.rows[0]?.room_id;
  }
}

function toRecord(row: RoomRow): RoomRecord {
  return { id: row.id, title: row.title, createdAt: Number(row.created_at), lastActivity: Number(row.last_activity) };
}
