import { checkOut } from './pgClient.ts';
import type pg from 'pg';

/**
 * The shared-mode tables. Rooms and revoked keys mirror the SQLite store. Each document (any
 * StoredDocName: the doc column is text, so a new kind of document is only new rows) has a head row
 * holding its gap-free sequence, log rows numbered by it, and at most one snapshot with the
 * sequence it covers. Appends lock head rows; compaction replaces the snapshot and drops the log
 * prefix it covers in one transaction. Versions are the rooms' History, as in the SQLite store
 * (pgVersions.ts). A room an instance has loaded has a hold row, renewed while
 * it stays loaded (pgRoomHolds.ts), which retention respects.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS rooms (
    id text PRIMARY KEY,
    title text NOT NULL,
    facilitator_key_hash bytea NOT NULL,
    viewer_key_hash bytea NOT NULL UNIQUE,
    participant_key_hash bytea,
    sealed_links bytea,
    keys_changed_at bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL,
    last_activity bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS rooms_keys_changed_at ON rooms (keys_changed_at);
  CREATE TABLE IF NOT EXISTS revoked_keys (
    hash bytea PRIMARY KEY,
    room_id text NOT NULL,
    revoked_at bigint NOT NULL
  );
  CREATE TABLE IF NOT EXISTS doc_heads (
    room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    doc text NOT NULL,
    seq bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (room_id, doc)
  );
  CREATE TABLE IF NOT EXISTS doc_log (
    room_id text NOT NULL,
    doc text NOT NULL,
    seq bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (room_id, doc, seq),
    FOREIGN KEY (room_id, doc) REFERENCES doc_heads (room_id, doc) ON DELETE CASCADE
  );
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    room_id text NOT NULL,
    doc text NOT NULL,
    seq bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (room_id, doc),
    FOREIGN KEY (room_id, doc) REFERENCES doc_heads (room_id, doc) ON DELETE CASCADE
  );
  CREATE TABLE IF NOT EXISTS versions (
    id bigserial PRIMARY KEY,
    room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    reason text NOT NULL,
    step text NOT NULL,
    snapshot bytea NOT NULL,
    bytes integer NOT NULL,
    card_ids jsonb NOT NULL
  );
  CREATE INDEX IF NOT EXISTS versions_by_room ON versions (room_id, created_at);
  CREATE TABLE IF NOT EXISTS room_holds (
    room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    instance_id text NOT NULL,
    held_until timestamptz NOT NULL,
    PRIMARY KEY (room_id, instance_id)
  );
`;

/** Any fixed number: instances starting together take turns creating the tables (concurrent CREATE IF NOT EXISTS can fail). */
const MIGRATION_LOCK = 0x6f6b7201;

export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await checkOut(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(SCHEMA);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
