import type Database from 'better-sqlite3';
import { versionsToDrop, type ThinningLimits, type VersionReason } from './versionThinning.ts';

export type NewVersion = { reason: VersionReason; step: string; board: Uint8Array; cardIds: readonly string[]; createdAt?: number };

/** A version as History lists it (without its snapshot). */
export type VersionInfo = { id: number; roomId: string; createdAt: number; reason: VersionReason; step: string; bytes: number; cardIds: string[] };

type VersionRow = { id: number; room_id: string; created_at: number; reason: VersionReason; step: string; bytes: number; card_ids: string };

/** How many versions and snapshot bytes each room keeps; see versionThinning.ts. */
export const DEFAULT_THINNING: ThinningLimits = { maxVersions: 60, maxBytes: 64 * 1024 * 1024 };

/** How often a running server beats, and how recent a beat must be for the command-line tool to count the server as running. */
export const SERVER_BEAT_MS = 1_000;
export const SERVER_FRESH_MS = 5_000;

/** A restore asked for by `okr restore`, waiting for whoever owns the room to make it. */
export type RestoreRequest = { id: number; roomId: string; versionId: number };

/**
 * Where a restore request stands: waiting for someone to claim it, claimed (being made, or its
 * maker stopped before saying how it went), or finished, with the reason when it could not be made.
 * A claimed request stays claimed for good, as do those a store made before outcomes were kept
 * had claimed: nobody makes it again on their own, since a second restore of a board people went
 * on editing would undo their edits. The tool says so and how to check (`okr restore`, "unconfirmed").
 */
export type RestoreOutcome = { state: 'waiting' } | { state: 'claimed' } | { state: 'made' } | { state: 'failed'; error: string };

/**
 * Versions of each room's board (the history a facilitator restores from), the restore requests
 * the command-line tool leaves for a running server, and that server's heartbeat. Lives in the
 * room store's SQLite file.
 */
export class VersionStore {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: ThinningLimits = DEFAULT_THINNING,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        doc TEXT NOT NULL DEFAULT 'board',
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        step TEXT NOT NULL,
        snapshot BLOB NOT NULL,
        bytes INTEGER NOT NULL,
        card_ids TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS versions_by_room ON versions (room_id, created_at);
      CREATE TABLE IF NOT EXISTS restore_requests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        version_id INTEGER NOT NULL,
        requested_at INTEGER NOT NULL,
        done_at INTEGER,
        finished_at INTEGER,
        error TEXT
      );
      CREATE TABLE IF NOT EXISTS server_heartbeat (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pid INTEGER NOT NULL,
        beat_at INTEGER NOT NULL
      );
    `);
    addRestoreOutcomeColumns(db);
    const columns = 'id, room_id, created_at, reason, step, bytes, card_ids';
    this.statements = {
      insert: db.prepare('INSERT INTO versions (room_id, created_at, reason, step, snapshot, bytes, card_ids) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      list: db.prepare<[string], VersionRow>(`SELECT ${columns} FROM versions WHERE room_id = ? ORDER BY created_at DESC, id DESC`),
      latest: db.prepare<[string], VersionRow>(`SELECT ${columns} FROM versions WHERE room_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`),
      snapshot: db.prepare<[string, number], { snapshot: Buffer }>('SELECT snapshot FROM versions WHERE room_id = ? AND id = ?'),
      drop: db.prepare('DELETE FROM versions WHERE id = ?'),
      dropRoom: db.prepare('DELETE FROM versions WHERE room_id = ?'),
      request: db.prepare('INSERT INTO restore_requests (room_id, version_id, requested_at) VALUES (?, ?, ?)'),
      pending: db.prepare<[], { id: number; room_id: string; version_id: number }>('SELECT id, room_id, version_id FROM restore_requests WHERE done_at IS NULL ORDER BY id'),
      outcome: db.prepare<[number], { done_at: number | null; finished_at: number | null; error: string | null }>('SELECT done_at, finished_at, error FROM restore_requests WHERE id = ?'),
      markDone: db.prepare('UPDATE restore_requests SET done_at = ? WHERE id = ? AND done_at IS NULL'),
      markFinished: db.prepare('UPDATE restore_requests SET finished_at = ?, error = ? WHERE id = ? AND done_at IS NOT NULL AND finished_at IS NULL'),
      beat: db.prepare('INSERT INTO server_heartbeat (id, pid, beat_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, beat_at = excluded.beat_at'),
      lastBeat: db.prepare<[], { pid: number; beat_at: number }>('SELECT pid, beat_at FROM server_heartbeat WHERE id = 1'),
      stopBeating: db.prepare('DELETE FROM server_heartbeat WHERE id = 1 AND pid = ?'),
    };
  }

  /** Stores a version of a room's board and thins the room's history; returns the version's id. */
  add(roomId: string, version: NewVersion): number {
    const createdAt = version.createdAt ?? Date.now();
    return this.db.transaction(() => {
      const id = Number(
        this.statements.insert.run(roomId, createdAt, version.reason, version.step, version.board, version.board.byteLength, JSON.stringify(version.cardIds)).lastInsertRowid,
      );
      this.thin(roomId, createdAt);
      return id;
    })();
  }

  /** Keeps a version unless `wanted(newestAt)`, asked in the same transaction, says no; returns the newest version's time afterwards (RoomHistory's VersionKeeper). */
  keep(roomId: string, version: NewVersion, wanted: (newestAt: number | null) => boolean): number | null {
    return this.db.transaction(() => {
      const newest = this.newestAt(roomId);
      if (!wanted(newest)) return newest;
      this.add(roomId, version);
      const createdAt = version.createdAt ?? Date.now();
      return Math.max(createdAt, newest ?? createdAt);
    })();
  }

  /** The newest version's time, or null when the room has none. */
  newestAt(roomId: string): number | null {
    return this.latest(roomId)?.createdAt ?? null;
  }

  /** The room's versions, newest first. */
  list(roomId: string): VersionInfo[] {
    return this.statements.list.all(roomId).map(toInfo);
  }

  latest(roomId: string): VersionInfo | undefined {
    const row = this.statements.latest.get(roomId);
    return row && toInfo(row);
  }

  /** The version's board snapshot, or undefined when the room has no such version. */
  snapshot(roomId: string, versionId: number): Uint8Array | undefined {
    const row = this.statements.snapshot.get(roomId, versionId);
    return row && new Uint8Array(row.snapshot);
  }

  /** Drops what the thinning policy says the room no longer needs. */
  thin(roomId: string, now = Date.now()): void {
    const versions = this.list(roomId);
    for (const id of versionsToDrop(versions, now, this.limits)) this.statements.drop.run(id);
  }

  /** Deletes every version of a room (with the room: retention exists to delete its contents, and a version is a copy of the board). */
  dropRoom(roomId: string): void {
    this.statements.dropRoom.run(roomId);
  }

  requestRestore(roomId: string, versionId: number, now = Date.now()): number {
    return Number(this.statements.request.run(roomId, versionId, now).lastInsertRowid);
  }

  pendingRestores(): RestoreRequest[] {
    return this.statements.pending.all().map((row) => ({ id: row.id, roomId: row.room_id, versionId: row.version_id }));
  }

  /** Marks the request done; false when someone already had (so exactly one party makes each restore). */
  claimRestore(requestId: number, now = Date.now()): boolean {
    return this.statements.markDone.run(now, requestId).changes === 1;
  }

  /** Records how a claimed request went: `error` is null when the restore was made. */
  finishRestore(requestId: number, error: string | null, now = Date.now()): void {
    this.statements.markFinished.run(now, error, requestId);
  }

  restoreOutcome(requestId: number): RestoreOutcome {
    const row = this.statements.outcome.get(requestId);
    if (!row) throw new Error(`no restore request ${requestId}`);
    if (row.done_at === null) return { state: 'waiting' };
    if (row.finished_at === null) return { state: 'claimed' };
    return row.error === null ? { state: 'made' } : { state: 'failed', error: row.error };
  }

  /** A running server says so every second or so; the command-line tool reads it to decide who writes. */
  beat(pid = process.pid, now = Date.now()): void {
    this.statements.beat.run(pid, now);
  }

  /** Whether a server beat within `freshMs`. */
  serverIsRunning(freshMs: number, now = Date.now()): boolean {
    const beat = this.statements.lastBeat.get();
    return beat !== undefined && now - beat.beat_at <= freshMs;
  }

  stopBeating(pid = process.pid): void {
    this.statements.stopBeating.run(pid);
  }

  /** Runs `fn` in one immediate (write-locked) transaction: a check and the write it decides happen together. */
  exclusively<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}

/** Stores made before restore outcomes were kept have only `done_at`; their old requests read as claimed (unknown outcome), for good. */
function addRestoreOutcomeColumns(db: Database.Database): void {
  const present = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('restore_requests')").all().map((column) => column.name));
  if (!present.has('finished_at')) db.exec('ALTER TABLE restore_requests ADD COLUMN finished_at INTEGER');
  if (!present.has('error')) db.exec('ALTER TABLE restore_requests ADD COLUMN error TEXT');
}

function toInfo(row: VersionRow): VersionInfo {
  return { id: row.id, roomId: row.room_id, createdAt: row.created_at, reason: row.reason, step: row.step, bytes: row.bytes, cardIds: JSON.parse(row.card_ids) as string[] };
}
