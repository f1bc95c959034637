import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDocLog } from '../../../server/src/store/postgres/pgDocLog.ts';
import { migrate } from '../../../server/src/store/postgres/schema.ts';
import { startPostgres, type Postgres } from '../../helpers/engines.ts';

const ROOMS = ['room-a', 'room-b', 'room-c'];
const DOCS = ['board', 'control'] as const;

/** The one-statement append and read (pgDocLog.ts) against a real PostgreSQL: numbering, atomicity, concurrency, reading back. */
describe('shared mode: the document log', () => {
  let postgres: Postgres;
  let pools: pg.Pool[];

  beforeAll(async () => {
    postgres = await startPostgres();
    pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: postgres.url, max: 3 }));
    await migrate(pools[0]!);
    for (const [i, id] of ROOMS.entries()) {
      await postgres.query(
        'INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, created_at, last_activity) VALUES ($1, $1, $2, $3, 0, 0)',
        [id, Buffer.from([i]), Buffer.from([100 + i])],
      );
      await new PgDocLog(pools[0]!, 10_000).ensureHeads(id, DOCS);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all((pools ?? []).map((p) => p.end()));
    await postgres?.stop();
  });

  it('answers each entry its own sequence, in the order given, and touches the rooms at most once a second', async () => {
    const log = new PgDocLog(pools[0]!, 10_000);
    const seqs = await log.appendTurn(
      [
        { roomId: 'room-c', doc: 'board', update: Uint8Array.of(1) },
        { roomId: 'room-a', doc: 'control', update: Uint8Array.of(2) },
        { roomId: 'room-a', doc: 'board', update: Uint8Array.of(3) },
      ],
      5_000,
    );
    expect(seqs).toEqual([1, 1, 1]);
    const lastActivity = async () => (await postgres.query<{ id: string; last_activity: string }>('SELECT id, last_activity FROM rooms ORDER BY id')).map((r) => [r.id, Number(r.last_activity)]);
    expect(await lastActivity()).toEqual([['room-a', 5_000], ['room-b', 0], ['room-c', 5_000]]);
    // Within a second of the last stamp: the row is numbered, the room row left as it is.
    expect(await log.appendTurn([{ roomId: 'room-a', doc: 'board', update: Uint8Array.of(4) }], 5_900)).toEqual([2]);
    expect(await lastActivity()).toEqual([['room-a', 5_000], ['room-b', 0], ['room-c', 5_000]]);
    expect(await log.appendTurn([{ roomId: 'room-a', doc: 'board', update: Uint8Array.of(5) }], 6_001)).toEqual([3]);
    const rows = await log.readAfter('room-a', 'board', 0);
    expect(rows.log.map((r) => [r.seq, [...r.data]])).toEqual([[1, [3]], [2, [4]], [3, [5]]]);
    expect(await lastActivity()).toEqual([['room-a', 6_001], ['room-b', 0], ['room-c', 5_000]]);
  });

  it('writes nothing of a turn when one of its documents has no head row', async () => {
    const log = new PgDocLog(pools[0]!, 10_000);
    const before = await log.heads([{ roomId: 'room-b', doc: 'board' }]);
    await expect(
      log.appendTurn([
        { roomId: 'room-b', doc: 'board', update: Uint8Array.of(5) },
        { roomId: 'room-b', doc: 'private', update: Uint8Array.of(6) },
      ]),
    ).rejects.toThrow('a document has no head row');
    expect(await log.heads([{ roomId: 'room-b', doc: 'board' }])).toEqual(before);
    expect((await log.readAfter('room-b', 'board', 0)).log).toEqual([]);
  });

  it('reads several documents of a room in one statement: the snapshot, the log after it, and which have no head row', async () => {
    const log = new PgDocLog(pools[0]!, 10_000);
    await postgres.query(
      'INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, created_at, last_activity) VALUES ($1, $1, $2, $3, 0, 0)',
      ['room-read', Buffer.from([50]), Buffer.from([150])],
    );
    await log.ensureHeads('room-read', ['board', 'control']);
    for (const byte of [1, 2, 3]) await log.appendTurn([{ roomId: 'room-read', doc: 'board', update: Uint8Array.of(byte) }]);
    await log.appendTurn([{ roomId: 'room-read', doc: 'control', update: Uint8Array.of(9, 9) }]);
    expect(await log.compact('room-read', 'board', Uint8Array.of(12), 2)).toBe(true);
    await log.appendTurn([{ roomId: 'room-read', doc: 'board', update: Uint8Array.of(4) }]);

    const { rows, headless } = await log.readDocs('room-read', ['board', 'control', 'private'], 0);
    const shape = (doc: 'board' | 'control') => {
      const r = rows.get(doc)!;
      return { snapshot: r.snapshot && [r.snapshot.seq, [...r.snapshot.data]], log: r.log.map((row) => [row.seq, [...row.data]]), head: r.head };
    };
    expect(shape('board')).toEqual({ snapshot: [2, [12]], log: [[3, [3]], [4, [4]]], head: 4 });
    expect(shape('control')).toEqual({ snapshot: null, log: [[1, [9, 9]]], head: 1 });
    expect(headless).toEqual(['private']);
    // From a sequence the log still reaches, no snapshot: only what follows it.
    const after3 = await log.readAfter('room-read', 'board', 3);
    expect([after3.snapshot, after3.log.map((row) => row.seq), after3.head]).toEqual([null, [4], 4]);
    // From before the snapshot: the snapshot first, since the rows right after are gone.
    const after1 = await log.readAfter('room-read', 'board', 1);
    expect([after1.snapshot?.seq, after1.log.map((row) => row.seq), after1.head]).toEqual([2, [3, 4], 4]);
    // Nothing new: the head is where the reader is.
    expect(await log.readAfter('room-read', 'board', 4)).toEqual({ snapshot: null, log: [], head: 4 });
    expect(await log.readAfter('room-read', 'private', 0)).toEqual({ snapshot: null, log: [], head: 0 });
  });

  it('refuses to read a log with a gap rather than serve part of a document as all of it', async () => {
    const log = new PgDocLog(pools[0]!, 10_000);
    await postgres.query(
      'INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, created_at, last_activity) VALUES ($1, $1, $2, $3, 0, 0)',
      ['room-gap', Buffer.from([60]), Buffer.from([160])],
    );
    await log.ensureHeads('room-gap', ['board']);
    for (const byte of [1, 2, 3]) await log.appendTurn([{ roomId: 'room-gap', doc: 'board', update: Uint8Array.of(byte) }]);
    await postgres.query("DELETE FROM doc_log WHERE room_id = 'room-gap' AND seq = 2");
    await expect(log.readAfter('room-gap', 'board', 0)).rejects.toThrow('the log of room-gap/board has a gap: 2 rows numbered 1 to 3 after sequence 0');
  });

  it('numbers concurrent turns over overlapping documents without gaps or deadlocks', async () => {
    const every = ROOMS.flatMap((roomId) => DOCS.map((doc) => ({ roomId, doc })));
    const start = await pools[0]!.query<{ room_id: string; doc: string; seq: string }>('SELECT room_id, doc, seq FROM doc_heads');
    const startOf = new Map(start.rows.map((r) => [`${r.room_id}/${r.doc}`, Number(r.seq)]));
    // Each writer appends turns over a different rotation of every document, so lock orders would clash if the statement did not sort them.
    const turns = 25;
    const writers = pools.flatMap((pool, p) => [0, 1].map((k) => ({ log: new PgDocLog(pool, 10_000), shift: p * 2 + k })));
    const written = new Map<string, number[]>();
    await Promise.all(
      writers.map(async ({ log, shift }) => {
        for (let t = 0; t < turns; t++) {
          const batch = every.map((_, i) => every[(i + shift + t) % every.length]!).filter((_, i) => (i + t) % 3 !== 0);
          const seqs = await log.appendTurn(batch.map((d) => ({ ...d, update: Uint8Array.of(shift, t) })));
          batch.forEach((d, i) => written.set(`${d.roomId}/${d.doc}`, [...(written.get(`${d.roomId}/${d.doc}`) ?? []), seqs[i]!]));
        }
      }),
    );
    for (const { roomId, doc } of every) {
      const key = `${roomId}/${doc}`;
      const first = startOf.get(key)!;
      const answered = [...(written.get(key) ?? [])].sort((a, b) => a - b);
      const stored = (await new PgDocLog(pools[0]!, 10_000).readAfter(roomId, doc, first)).log.map((r) => r.seq);
      expect(answered).toEqual(Array.from({ length: answered.length }, (_, i) => first + 1 + i));
      expect(stored).toEqual(answered);
    }
  }, 60_000);
});
