import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDocLog } from '../../../server/src/store/postgres/pgDocLog.ts';
import { migrate } from '../../../server/src/store/postgres/schema.ts';
import { startPostgres, type Postgres } from '../../helpers/engines.ts';

const ROOMS = ['room-a', 'room-b', 'room-c'];
const DOCS = ['board', 'control'] as const;

/** The one-statement append (pgDocLog.ts) against a real PostgreSQL: numbering, atomicity, concurrency. */
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

  it('answers each entry its own sequence, in the order given, and touches the rooms', async () => {
    const log = new PgDocLog(pools[0]!, 10_000);
    const seqs = await log.appendTurn(
      [
        { roomId: 'room-c', doc: 'board', update: Uint8Array.of(1) },
        { roomId: 'room-a', doc: 'control', update: Uint8Array.of(2) },
        { roomId: 'room-a', doc: 'board', update: Uint8Array.of(3) },
      ],
      42,
    );
    expect(seqs).toEqual([1, 1, 1]);
    expect(await log.appendTurn([{ roomId: 'room-a', doc: 'board', update: Uint8Array.of(4) }], 43)).toEqual([2]);
    const rows = await log.readAfter('room-a', 'board', 0);
    expect(rows.log.map((r) => [r.seq, [...r.data]])).toEqual([[1, [3]], [2, [4]]]);
    const touched = await postgres.query<{ id: string; last_activity: string }>('SELECT id, last_activity FROM rooms ORDER BY id');
    expect(touched.map((r) => [r.id, Number(r.last_activity)])).toEqual([['room-a', 43], ['room-b', 0], ['room-c', 42]]);
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
