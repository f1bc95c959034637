import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hashKey, keyMatches, newSecret } from './keys.ts';
import { VersionStore } from './versionStore.ts';
import { sealLinks } from './sealedLinks.ts';
import { WalCheckpointer } from './walCheckpointer.ts';

/**
 * Every document a room stores: the board and the facilitator's control state, which connections
 * open, and the server-private one (seats, ballots, held cards), never synced. A new kind of
 * document is one more name here (shared mode reads and writes each by name).
 */
export const DOC_NAMES = ['board', 'control', 'private'] as const;
export type StoredDocName = (typeof DOC_NAMES)[number];
/** The documents a connection can open. */
export type DocName = Exclude<StoredDocName, 'private'>;

export type RoomRecord = {
  id: string;
  title: string;
  createdAt: number;
  lastActivity: number;
};

export type CreatedRoom = RoomRecord & { facilitatorKey: string; viewerKey: string };

export type StoredDoc = {
  /** The compacted state and every update appended since, oldest first. */
  updates: Uint8Array[];
  /** Highest log sequence number included, for compaction. */
  lastSeq: number;
  logCount: number;
};

/** The one SQLite file a store keeps in DATA_DIR. */
const STORE_FILE = 'rooms.sqlite';
/** SQLite's default automatic checkpoint, in pages of log: the fallback when the checkpoint worker fails, and how long the log may get before the store finishes a checkpoint itself. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * How often a busy room's last activity is written, at most. Each turn's commit wrote the room's
 * row as well as the update, a page of its own; retention counts idle time in days, so the newest
 * time waits (in memory, written by the next append past this, by a timer, before any read of the
 * rooms and at close). A crash can lose that much of it, never an update.
 */
const ACTIVITY_WRITE_MS = 10_000;

type RoomRow = { id: string; title: string; created_at: number; last_activity: number };

/** A room's key hashes and sealed links, for checks and rotation (see rooms/rotateLinks.ts). */
export type RoomKeyRow = {
  facilitatorHash: Buffer;
  viewerHash: Buffer;
  /** Null until the facilitator first rotates the participant link: `/r/<roomId>` alone admits participants. */
  participantHash: Buffer | null;
  /** The viewer and participant keys encrypted under the facilitator key (store/sealedLinks.ts); null for rooms made before. */
  sealedLinks: Buffer | null;
};

/** New key hashes for a room, the sealed links that go with them, and the hashes they replace. */
export type KeyChange = {
  facilitatorHash?: Buffer;
  viewerHash?: Buffer;
  participantHash?: Buffer;
  sealedLinks: Buffer | null;
  revoked: Buffer[];
};

/**
 * The embedded store: one SQLite file in WAL mode. Each room document is a snapshot plus an
 * append-only log of updates; every accepted update is appended before it is broadcast, and the
 * log is folded into the snapshot in one transaction.
 */
export class RoomStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Each room's history: versions to restore from (History, `okr history`). */
  readonly versions: VersionStore;
  private readonly checkpointer: WalCheckpointer;
  /** When each room's last activity was last written, and the newer time that waits to be (ACTIVITY_WRITE_MS). */
  private readonly activityWritten = new Map<string, number>();
  private readonly activityWaiting = new Map<string, number>();
  private readonly activityTimer: NodeJS.Timeout;
  /**
   * One transaction wrapper for every caller: better-sqlite3's `transaction()` builds four wrapped
   * functions and defines their properties on each call, which every turn's commit paid (2 % of the
   * writers/50 profile's busy samples).
   */
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  private constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (the WAL is in the OS page cache); only a power loss can cost the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    // Checkpoints run on a worker thread (walCheckpointer.ts): never inside a commit on the event loop.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new WalCheckpointer(
      file,
      (reason) => {
        // Back to SQLite's own checkpoints, so the log cannot grow without bound.
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
        process.emitWarning(`SQLite checkpoints are back on the event loop: ${reason}`, { code: 'OKR_WAL_CHECKPOINTER' });
      },
      undefined,
      ({ log }) => {
        // The worker copied and synced the bulk; what came since is a few frames, so this is short,
        // and between turns (a worker's message), never inside a commit. Then the next commit starts the log over.
        if (log >= SQLITE_AUTOCHECKPOINT_PAGES && this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
      },
    );
    this.versions = new VersionStore(this.db);
    this.dropOrphanVersions();
    this.runInTransaction = this.db.transaction((fn: () => unknown) => fn());
    this.activityTimer = setInterval(() => this.writeWaitingActivity(), ACTIVITY_WRITE_MS);
    this.activityTimer.unref();
    this.statements = {
      insertRoom: this.db.prepare(
        'INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, created_at, last_activity) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getRoom: this.db.prepare<[string], RoomRow>('SELECT id, title, created_at, last_activity FROM rooms WHERE id = ?'),
      listRooms: this.db.prepare<[], RoomRow>('SELECT id, title, created_at, last_activity FROM rooms ORDER BY last_activity DESC'),
      facilitatorHash: this.db.prepare<[string], { h: Buffer }>('SELECT facilitator_key_hash AS h FROM rooms WHERE id = ?'),
      roomByViewer: this.db.prepare<[Buffer], { id: string }>('SELECT id FROM rooms WHERE viewer_key_hash = ?'),
      keys: this.db.prepare<[string], { f: Buffer; v: Buffer; p: Buffer | null; s: Buffer | null }>(
        'SELECT facilitator_key_hash AS f, viewer_key_hash AS v, participant_key_hash AS p, sealed_links AS s FROM rooms WHERE id = ?',
      ),
      sealLinks: this.db.prepare('UPDATE rooms SET sealed_links = ? WHERE id = ?'),
      setKeys: this.db.prepare(
        `UPDATE rooms SET facilitator_key_hash = coalesce(?, facilitator_key_hash), viewer_key_hash = coalesce(?, viewer_key_hash),
           participant_key_hash = coalesce(?, participant_key_hash), sealed_links = ?, keys_changed_at = ? WHERE id = ?`,
      ),
      revoke: this.db.prepare('INSERT OR IGNORE INTO revoked_keys (hash, room_id, revoked_at) VALUES (?, ?, ?)'),
      revokedRoom: this.db.prepare<[Buffer], { room_id: string }>('SELECT room_id FROM revoked_keys WHERE hash = ?'),
      revokedOf: this.db.prepare<[string], { hash: Buffer; revoked_at: number }>('SELECT hash, revoked_at FROM revoked_keys WHERE room_id = ?'),
      keysChangedSince: this.db.prepare<[number], { id: string; at: number }>('SELECT id, keys_changed_at AS at FROM rooms WHERE keys_changed_at > ?'),
      touch: this.db.prepare('UPDATE rooms SET last_activity = ? WHERE id = ?'),
      appendUpdate: this.db.prepare('INSERT INTO doc_updates (room_id, doc, data) VALUES (?, ?, ?)'),
      snapshot: this.db.prepare<[string, string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE room_id = ? AND doc = ?'),
      log: this.db.prepare<[string, string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE room_id = ? AND doc = ? ORDER BY seq',
      ),
      putSnapshot: this.db.prepare(
        'INSERT INTO doc_snapshots (room_id, doc, data) VALUES (?, ?, ?) ON CONFLICT (room_id, doc) DO UPDATE SET data = excluded.data',
      ),
      trimLog: this.db.prepare('DELETE FROM doc_updates WHERE room_id = ? AND doc = ? AND seq <= ?'),
      idleSince: this.db.prepare<[number], RoomRow>('SELECT id, title, created_at, last_activity FROM rooms WHERE last_activity < ? ORDER BY last_activity'),
      deleteRoom: this.db.prepare('DELETE FROM rooms WHERE id = ?'),
      deleteUpdates: this.db.prepare('DELETE FROM doc_updates WHERE room_id = ?'),
      deleteSnapshots: this.db.prepare('DELETE FROM doc_snapshots WHERE room_id = ?'),
    };
  }

  /** Opens (creating if needed) the store in `dataDir`. */
  static open(dataDir: string): RoomStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new RoomStore(RoomStore.file(dataDir));
  }

  /** Where the store of `dataDir` lives, whether or not it exists yet. */
  static file(dataDir: string): string {
    return path.join(dataDir, STORE_FILE);
  }

  private migrate(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        facilitator_key_hash BLOB NOT NULL,
        viewer_key_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_activity INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS doc_updates (
        seq INTEGER PRIMARY KEY,
        room_id TEXT NOT NULL,
        doc TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (room_id, doc, seq);
      CREATE TABLE IF NOT EXISTS doc_snapshots (
        room_id TEXT NOT NULL,
        doc TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (room_id, doc)
      );
      CREATE TABLE IF NOT EXISTS revoked_keys (
        hash BLOB PRIMARY KEY,
        room_id TEXT NOT NULL,
        revoked_at INTEGER NOT NULL
      );
    `);
    this.dropLogAutoincrement();
    // Rotation (issue 9) added these columns; stores made before get them empty.
    const columns = new Set(this.db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'rooms\')').all().map((c) => c.name));
    if (!columns.has('participant_key_hash')) this.db.exec('ALTER TABLE rooms ADD COLUMN participant_key_hash BLOB');
    if (!columns.has('sealed_links')) this.db.exec('ALTER TABLE rooms ADD COLUMN sealed_links BLOB');
    if (!columns.has('keys_changed_at')) this.db.exec('ALTER TABLE rooms ADD COLUMN keys_changed_at INTEGER NOT NULL DEFAULT 0');
    this.db.exec('CREATE INDEX IF NOT EXISTS rooms_by_participant_key ON rooms (participant_key_hash)');
    this.db.exec('CREATE INDEX IF NOT EXISTS rooms_by_keys_change ON rooms (keys_changed_at)');
  }

  /**
   * Stores made before kept the log's sequence with AUTOINCREMENT, which writes its counter's row
   * (another page) in every commit. A plain rowid key is the largest seq plus one: still ascending
   * for every document, since a document's rows are only deleted up to its own newest (compact),
   * so every row it appends afterwards comes after all it has left. Rebuilt once, in one transaction.
   */
  private dropLogAutoincrement(): void {
    const table = this.db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'").get();
    if (!table?.sql.includes('AUTOINCREMENT')) return;
    this.db.transaction(() => {
      this.db.exec(`
        CREATE TABLE doc_updates_plain (seq INTEGER PRIMARY KEY, room_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL);
        INSERT INTO doc_updates_plain (seq, room_id, doc, data) SELECT seq, room_id, doc, data FROM doc_updates;
        DROP TABLE doc_updates;
        ALTER TABLE doc_updates_plain RENAME TO doc_updates;
        CREATE INDEX doc_updates_by_doc ON doc_updates (room_id, doc, seq);
        DELETE FROM sqlite_sequence WHERE name = 'doc_updates';
      `);
    })();
  }

  /**
   * Rooms pruned before deleteRoom took their History left their versions behind, restorable by
   * nobody yet still holding the boards: deleted once, when a store made before is first opened.
   */
  private dropOrphanVersions(): void {
    if (this.db.pragma('user_version', { simple: true }) !== 0) return;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM versions WHERE room_id NOT IN (SELECT id FROM rooms)');
      this.db.pragma('user_version = 1');
    })();
  }

  /** Creates a room with fresh random id and keys; the keys are returned once and only their hashes kept. */
  createRoom(title: string, initial?: { board?: Uint8Array; control?: Uint8Array }, now = Date.now()): CreatedRoom {
    const room = { id: newSecret(), facilitatorKey: newSecret(), viewerKey: newSecret() };
    this.db.transaction(() => {
      this.statements.insertRoom.run(room.id, title, hashKey(room.facilitatorKey), hashKey(room.viewerKey), now, now);
      this.statements.sealLinks.run(sealLinks({ viewerKey: room.viewerKey, participantKey: null }, room.facilitatorKey, room.id), room.id);
      if (initial?.board) this.statements.appendUpdate.run(room.id, 'board', initial.board);
      if (initial?.control) this.statements.appendUpdate.run(room.id, 'control', initial.control);
    })();
    return { ...room, title, createdAt: now, lastActivity: now };
  }

  getRoom(roomId: string): RoomRecord | undefined {
    this.writeWaitingActivity();
    const row = this.statements.getRoom.get(roomId);
    return row && toRecord(row);
  }

  listRooms(): RoomRecord[] {
    this.writeWaitingActivity();
    return this.statements.listRooms.all().map(toRecord);
  }

  isFacilitatorKey(roomId: string, key: string): boolean {
    const row = this.statements.facilitatorHash.get(roomId);
    return row !== undefined && keyMatches(key, row.h);
  }

  roomIdForViewerKey(viewerKey: string): string | undefined {
    return this.statements.roomByViewer.get(hashKey(viewerKey))?.id;
  }

  keyRow(roomId: string): RoomKeyRow | undefined {
    const row = this.statements.keys.get(roomId);
    return row && { facilitatorHash: row.f, viewerHash: row.v, participantHash: row.p, sealedLinks: row.s };
  }

  /** Replaces a room's key hashes and sealed links and records the replaced hashes as revoked, in one transaction. */
  changeKeys(roomId: string, change: KeyChange, now = Date.now()): void {
    this.db.transaction(() => {
      this.statements.setKeys.run(change.facilitatorHash ?? null, change.viewerHash ?? null, change.participantHash ?? null, change.sealedLinks, now, roomId);
      for (const hash of change.revoked) this.statements.revoke.run(hash, roomId, now);
    })();
  }

  /** The room a rotated-away key once opened, so its holder can be told it no longer does. */
  roomOfRevokedKey(key: string): string | undefined {
    return this.statements.revokedRoom.get(hashKey(key))?.room_id;
  }

  /** The hashes of a room's rotated-away keys, with when (`okr migrate` copies them). */
  revokedKeysOf(roomId: string): { hash: Buffer; revokedAt: number }[] {
    return this.statements.revokedOf.all(roomId).map((row) => ({ hash: row.hash, revokedAt: row.revoked_at }));
  }

  /** Rooms whose keys changed after `since` (ms), with when: the relay's watch for rotations made by `okr links`. */
  keysChangedSince(since: number): { id: string; at: number }[] {
    return this.statements.keysChangedSince.all(since);
  }

  loadDoc(roomId: string, doc: StoredDocName): StoredDoc {
    const snapshot = this.statements.snapshot.get(roomId, doc);
    const log = this.statements.log.all(roomId, doc);
    const updates = snapshot ? [new Uint8Array(snapshot.data)] : [];
    for (const row of log) updates.push(new Uint8Array(row.data));
    return { updates, lastSeq: log.at(-1)?.seq ?? 0, logCount: log.length };
  }

  /** Runs `fn` in one transaction; the store's own transactions inside it become savepoints. */
  inTransaction<T>(fn: () => T): T {
    return this.runInTransaction(fn) as T;
  }

  /** Runs `fn` in one immediate (write-locked) transaction: a read and the write it decides, with no other process's write between them. */
  exclusively<T>(fn: () => T): T {
    return this.runInTransaction.immediate(fn) as T;
  }

  /**
   * Appends a batch of updates durably in one transaction; returns the last sequence number. Inside
   * the turn's transaction (inTransaction) the rows join it directly: a savepoint per document
   * would only add two statements to every turn, since a failure rolls the whole turn back anyway.
   */
  appendUpdates(roomId: string, doc: StoredDocName, updates: readonly Uint8Array[], now = Date.now()): number {
    if (this.db.inTransaction) return this.append(roomId, doc, updates, now);
    return this.runInTransaction(() => this.append(roomId, doc, updates, now)) as number;
  }

  private append(roomId: string, doc: StoredDocName, updates: readonly Uint8Array[], now: number): number {
    let last = 0;
    for (const update of updates) last = Number(this.statements.appendUpdate.run(roomId, doc, update).lastInsertRowid);
    this.noteActivity(roomId, now);
    return last;
  }

  /** Writes the room's last activity now, or, written less than ACTIVITY_WRITE_MS ago, keeps it for later. */
  private noteActivity(roomId: string, now: number): void {
    const written = this.activityWritten.get(roomId);
    if (written !== undefined && now >= written && now - written < ACTIVITY_WRITE_MS) {
      this.activityWaiting.set(roomId, Math.max(now, this.activityWaiting.get(roomId) ?? now));
      return;
    }
    this.statements.touch.run(now, roomId);
    this.activityWritten.set(roomId, now);
    this.activityWaiting.delete(roomId);
  }

  /** Writes every room's waiting last activity, in one transaction. */
  private writeWaitingActivity(): void {
    if (this.activityWaiting.size === 0 || !this.db.open) return;
    const waiting = [...this.activityWaiting];
    this.activityWaiting.clear();
    this.db.transaction(() => {
      for (const [roomId, at] of waiting) {
        this.statements.touch.run(at, roomId);
        this.activityWritten.set(roomId, at);
      }
    })();
  }

  /** Replaces the snapshot with `state` and drops the log up to `throughSeq`, atomically. */
  compact(roomId: string, doc: StoredDocName, state: Uint8Array, throughSeq: number): void {
    this.db.transaction(() => {
      this.statements.putSnapshot.run(roomId, doc, state);
      this.statements.trimLog.run(roomId, doc, throughSeq);
    })();
  }

  /** Rooms whose last edit is older than `before` (ms since the epoch), oldest first. */
  roomsIdleSince(before: number): RoomRecord[] {
    this.writeWaitingActivity();
    return this.statements.idleSince.all(before).map(toRecord);
  }

  /** Deletes a room, its keys, its documents and its History, in one transaction (as PostgreSQL's foreign keys do). */
  deleteRoom(roomId: string): void {
    this.activityWaiting.delete(roomId);
    this.activityWritten.delete(roomId);
    this.db.transaction(() => {
      this.statements.deleteUpdates.run(roomId);
      this.statements.deleteSnapshots.run(roomId);
      this.versions.dropRoom(roomId);
      this.statements.deleteRoom.run(roomId);
    })();
  }

  close(): void {
    clearInterval(this.activityTimer);
    this.writeWaitingActivity();
    this.checkpointer.stop();
    if (this.db.open) this.db.close();
  }
}

function toRecord(row: RoomRow): RoomRecord {
  return { id: row.id, title: row.title, createdAt: row.created_at, lastActivity: row.last_activity };
}
