import { checkOut, inTransaction } from './pgClient.ts';
import type pg from 'pg';
import type { StoredDocName } from '../roomStore.ts';

/** One document's accepted updates of one turn, merged: a log row to be. */
export type DocAppend = { roomId: string; doc: StoredDocName; update: Uint8Array };

/** What a reader needs to catch a document up from `after`: the snapshot when the log no longer reaches back that far, then log rows in order. */
export type DocRows = {
  snapshot: { seq: number; data: Uint8Array } | null;
  log: { seq: number; data: Uint8Array }[];
  /** The highest sequence these rows cover (`after` when there is nothing new). */
  head: number;
};

/**
 * A room's last activity is moved at most this often: retention counts idle time in days, and a
 * busy room committing 50 times a second rewrote its room row (a new row version, its index
 * entries, WAL) on every commit.
 */
const TOUCH_EVERY_MS = 1_000;
/**
 * One turn's append as one statement: lock the head rows of the documents written, in one fixed
 * order (room, then document, byte order) so two instances appending to the same documents cannot
 * deadlock; number each row after its head; insert the rows, move the heads, touch the rooms; and
 * answer each entry's sequence by its position (n); a room's last activity is moved when it is
 * more than TOUCH_EVERY_MS old. A document without a head row leaves its row
 * with a null sequence, which doc_log refuses, so the whole statement fails and nothing is written.
 * Under READ COMMITTED, a head row another instance moved while we waited for its lock is read
 * again as committed (FOR UPDATE returns the newest version), so the numbering stays gap-free.
 */
const APPEND_TURN = `
  WITH v AS (SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS v(room_id, doc, data, n)),
       h AS (SELECT d.room_id, d.doc, d.seq + 1 AS seq FROM doc_heads d
               WHERE (d.room_id, d.doc) IN (SELECT room_id, doc FROM v)
               ORDER BY d.room_id COLLATE "C", d.doc COLLATE "C"
               FOR UPDATE),
       numbered AS (SELECT v.n, v.room_id, v.doc, v.data, h.seq FROM v LEFT JOIN h ON h.room_id = v.room_id AND h.doc = v.doc),
       logged AS (INSERT INTO doc_log (room_id, doc, seq, data) SELECT room_id, doc, seq, data FROM numbered),
       moved AS (UPDATE doc_heads d SET seq = h.seq FROM h WHERE d.room_id = h.room_id AND d.doc = h.doc),
       touched AS (UPDATE rooms SET last_activity = $4 WHERE id IN (SELECT room_id FROM h) AND last_activity < $4::bigint - ${TOUCH_EVERY_MS})
  SELECT n, seq FROM numbered`;
/**
 * What a reader gets of each document with a head row: the snapshot when it covers more than
 * `after` and the log no longer holds the row right after `after`, then the log rows after both,
 * as one value. A 10,000-row log read as rows cost one JavaScript object, one hex string and one
 * Buffer per row (and most of a catch-up's garbage collection); concatenated by PostgreSQL, each
 * row prefixed with its length (int4send: 4 bytes, big-endian), it is one Buffer that the rows
 * become views into (splitLog). The sequences are the first one and a count: the log is gap-free,
 * which splitLog checks against the last one.
 */
const READ_DOCS = `
  SELECT h.doc, s.seq AS snapshot_seq, s.data AS snapshot, l.first_seq, l.last_seq, l.rows, l.data AS log
  FROM doc_heads h
  LEFT JOIN doc_snapshots s ON s.room_id = h.room_id AND s.doc = h.doc AND s.seq > $3
    AND NOT EXISTS (SELECT 1 FROM doc_log x WHERE x.room_id = h.room_id AND x.doc = h.doc AND x.seq = $3 + 1)
  CROSS JOIN LATERAL (
    SELECT min(g.seq) AS first_seq, max(g.seq) AS last_seq, count(*) AS rows,
           string_agg(int4send(length(g.data)) || g.data, ''::bytea ORDER BY g.seq) AS data
    FROM doc_log g WHERE g.room_id = h.room_id AND g.doc = h.doc AND g.seq > greatest($3, s.seq)
  ) l
  WHERE h.room_id = $1 AND h.doc = ANY ($2::text[])`;
type ReadRow = { doc: string; snapshot_seq: string | null; snapshot: Buffer | null; first_seq: string | null; last_seq: string | null; rows: string; log: Buffer | null };
const NOT_NULL_VIOLATION = '23502';

export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

/**
 * The documents' log in PostgreSQL. Each document's head row holds its gap-free sequence; an
 * append takes the head rows of every document it writes, in one fixed order (room, doc) so two
 * instances appending to the same documents cannot deadlock, and numbers the rows after them.
 */
export class PgDocLog {
  constructor(
    private readonly pool: pg.Pool,
    /** A commit not done in this long is given up: its updates are broadcast nowhere. */
    private readonly commitTimeoutMs: number,
    /**
     * Where appends run: an instance gives them a pool of their own, so a commit never queues
     * behind reads (rooms loading, gap fills, head checks) for a session when PostgreSQL is slow.
     */
    private readonly appendPool: pg.Pool = pool,
  ) {}

  /** Makes sure a document has its head row (rooms made before a new kind of document have none). */
  async ensureHeads(roomId: string, docs: readonly StoredDocName[]): Promise<void> {
    await this.pool.query(
      'INSERT INTO doc_heads (room_id, doc) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
      [roomId, docs],
    );
  }

  /**
   * Appends one row per entry in one transaction and returns each entry's sequence number. Throws
   * (and nothing is visible to anyone) when the transaction fails or does not commit in time.
   *
   * The transaction is one statement (APPEND_TURN), so a commit costs one round trip: every
   * statement is its own transaction, committed before PostgreSQL answers. It also means an
   * instance frozen between round trips (SIGSTOP, a long GC) holds no head row locked.
   */
  async appendTurn(batch: readonly DocAppend[], now = Date.now()): Promise<number[]> {
    const client = await checkOut(this.appendPool);
    let broken: Error | undefined;
    const timer = setTimeout(() => {
      broken = new StoreTimeoutError(`commit took more than ${this.commitTimeoutMs} ms`);
      // Ends the session: PostgreSQL rolls back whatever it had not committed.
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }, this.commitTimeoutMs);
    try {
      // Named, so each session parses and plans it once (PostgreSQL spent most of a one-document commit's CPU doing that every time).
      const result = await client.query<{ n: string; seq: string }>({
        name: 'append-turn',
        text: APPEND_TURN,
        values: [
          batch.map((entry) => entry.roomId),
          batch.map((entry) => entry.doc),
          batch.map((entry) => Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength)),
          now,
        ],
      });
      if (broken) throw broken;
      const seqs = new Array<number>(batch.length);
      for (const row of result.rows) seqs[Number(row.n) - 1] = Number(row.seq);
      return seqs;
    } catch (err) {
      if ((err as { code?: string }).code === NOT_NULL_VIOLATION) throw new Error('a document has no head row (was its room deleted?)', { cause: err });
      throw broken ?? err;
    } finally {
      clearTimeout(timer);
      client.release(broken);
    }
  }

  /**
   * Everything after `after` (see readDocs), for one document. A document without a head row has
   * nothing stored: its rows are empty and its head is `after`.
   */
  async readAfter(roomId: string, doc: StoredDocName, after: number): Promise<DocRows> {
    const { rows } = await this.readDocs(roomId, [doc], after);
    return rows.get(doc) ?? { snapshot: null, log: [], head: after };
  }

  /**
   * Everything after `after` of several documents of one room, read in one statement (one
   * consistent snapshot of the tables): each one's log rows, preceded by its snapshot when a
   * compaction dropped the rows right after `after`. Also names the documents that have no head
   * row (rooms made before a new kind of document), which have nothing stored.
   */
  async readDocs(roomId: string, docs: readonly StoredDocName[], after: number): Promise<{ rows: Map<StoredDocName, DocRows>; headless: StoredDocName[] }> {
    const result = await this.pool.query<ReadRow>(READ_DOCS, [roomId, docs, after]);
    const rows = new Map<StoredDocName, DocRows>();
    for (const row of result.rows) rows.set(row.doc as StoredDocName, docRows(roomId, row, after));
    return { rows, headless: docs.filter((doc) => !rows.has(doc)) };
  }

  /** The current heads of the given documents, for the periodic check that repairs missed bus messages. */
  async heads(docs: readonly { roomId: string; doc: StoredDocName }[]): Promise<Map<string, number>> {
    // Named: it runs every 500 ms on every instance holding a room, busy or idle; parsed and planned each time it cost PostgreSQL 0.18-0.21 ms of CPU, named 0.04-0.05.
    const result = await this.pool.query<{ room_id: string; doc: string; seq: string }>({
      name: 'doc-heads',
      text: 'SELECT room_id, doc, seq FROM doc_heads WHERE (room_id, doc) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
      values: [docs.map((d) => d.roomId), docs.map((d) => d.doc)],
    });
    return new Map(result.rows.map((row) => [docKey(row.room_id, row.doc), Number(row.seq)]));
  }

  /**
   * Replaces the snapshot with `state` (covering every row up to `throughSeq`) and drops those rows.
   * Under an advisory lock, and only when it covers more than the stored snapshot: a stale
   * compactor cannot move a document back. Returns whether it wrote.
   */
  async compact(roomId: string, doc: StoredDocName, state: Uint8Array, throughSeq: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const lock = await client.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS got', [docKey(roomId, doc)]);
      // Another instance is compacting this document right now: its snapshot will do.
      if (!lock.rows[0]?.got) return false;
      const written = await client.query(
        `INSERT INTO doc_snapshots (room_id, doc, seq, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (room_id, doc) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE doc_snapshots.seq < excluded.seq`,
        [roomId, doc, throughSeq, Buffer.from(state)],
      );
      if (written.rowCount === 0) return false;
      await client.query('DELETE FROM doc_log WHERE room_id = $1 AND doc = $2 AND seq <= $3', [roomId, doc, throughSeq]);
      return true;
    });
  }
}

/** One document's row of READ_DOCS as its snapshot and log rows; throws when the log has a gap (a store that lost rows must not be served as whole). */
function docRows(roomId: string, row: ReadRow, after: number): DocRows {
  const snapshot = row.snapshot_seq === null || row.snapshot === null ? null : { seq: Number(row.snapshot_seq), data: view(row.snapshot, 0, row.snapshot.byteLength) };
  const count = Number(row.rows);
  const first = Number(row.first_seq ?? 0);
  const last = Number(row.last_seq ?? 0);
  const base = snapshot?.seq ?? after;
  if (count > 0 && (first !== base + 1 || last - first + 1 !== count)) {
    throw new Error(`the log of ${docKey(roomId, row.doc)} has a gap: ${count} rows numbered ${first} to ${last} after ${snapshot ? `a snapshot through ${base}` : `sequence ${base}`}`);
  }
  const log = count > 0 && row.log ? splitLog(row.log, first, count) : [];
  return { snapshot, log, head: Math.max(after, snapshot?.seq ?? 0, count > 0 ? last : 0) };
}

/** Splits READ_DOCS's concatenated log (each row prefixed with its length) into views of it: no row is copied. */
export function splitLog(bytes: Buffer, firstSeq: number, count: number): DocRows['log'] {
  const log = new Array<DocRows['log'][number]>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 4 > bytes.byteLength) throw new Error(`the log holds ${i} rows where ${count} were counted`);
    const length = bytes.readUInt32BE(at);
    at += 4;
    if (at + length > bytes.byteLength) throw new Error(`log row ${firstSeq + i} runs past the end of what was read`);
    log[i] = { seq: firstSeq + i, data: view(bytes, at, length) };
    at += length;
  }
  if (at !== bytes.byteLength) throw new Error(`the log holds more than the ${count} rows counted`);
  return log;
}

/** A plain Uint8Array over part of `bytes` (not a Buffer: Yjs and the tests compare them as such), sharing its memory. */
function view(bytes: Buffer, offset: number, length: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length);
}

/** A document's rows as the updates that rebuild it: the snapshot, then the log. */
export function rowUpdates(rows: DocRows): Uint8Array[] {
  return [...(rows.snapshot ? [rows.snapshot.data] : []), ...rows.log.map((row) => row.data)];
}

/** The one string a document is known by in maps, locks and on the bus. */
export function docKey(roomId: string, doc: string): string {
  return `${roomId}/${doc}`;
}
