import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlDoc } from '@okr/shared/doc';
import { buildExport } from '@okr/shared/export';
import { createRoom as createStoredRoom, newBoard } from '../../../server/src/rooms/createRoom.ts';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { openBoardClient, openControlClient } from '../../helpers/clients.ts';
import { runOkr } from '../../helpers/cli.ts';
import { seedRealisticBoard } from '../../helpers/realisticBoard.ts';
import { createRoom, tempDataDir } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';
import { DAY_MS, PRUNE_CASES, PRUNE_DAYS, pruneOutcome } from '../../helpers/prunedRoom.ts';

/*
 * okr import, review and prune against DATABASE_URL (issue 12), while the instances run: an
 * imported room is its documents' first log rows, which any instance loads and extends; a review
 * reads what PostgreSQL committed and prints what the SQLite store's review prints for the same
 * room; prune deletes rooms idle past the age unless an instance holds them loaded.
 */

/** Everything of an export but the moment it was made. */
const content = (exported: unknown) => ({ ...(exported as Record<string, unknown>), exportedAt: undefined });

describe('okr import, review and prune against DATABASE_URL', () => {
  // Rooms nobody is in unload after a second, so a released hold can be seen.
  const fixture = useSharedCluster(2, { ROOM_IDLE_MS: '1000' });
  const track = fixture.track;
  const instances = () => fixture.cluster.instances as [Instance, Instance];
  const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => fixture.cluster.postgres.query<T>(text, params);
  const noDataDir = tempDataDir('okr-cli-none-');
  const okr = (...args: string[]) => runOkr(args, noDataDir, { DATABASE_URL: fixture.cluster.postgres.url, PUBLIC_URL: 'https://okr.example.com' });
  const roomCount = async () => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM rooms'))[0]?.n);

  // A SQLite data directory holding the realistic board and a board with an objective and no key results.
  const dataDir = tempDataDir('okr-cli-sqlite-');
  const scratch = tempDataDir('okr-cli-files-');
  const sqliteRooms: { id: string; facilitatorKey: string; exportFile: string }[] = [];
  beforeAll(() => {
    const store = RoomStore.open(dataDir);
    const realistic = newBoard();
    const control = new ControlDoc();
    seedRealisticBoard(realistic, control);
    const thin = newBoard('Objective only');
    thin.addCandidate({ id: 'cand-1', text: 'Launch the new checkout' });
    const thinControl = new ControlDoc();
    thinControl.setObjective({ candidateId: 'cand-1', title: 'Launch the new checkout', commitment: 'committed', contextIds: [], tally: [], rationale: '', decidedAt: '2026-07-03T09:30:00.000Z' });
    for (const [board, ctl] of [[realistic, control], [thin, thinControl]] as const) {
      const { room } = createStoredRoom(store, 'http://localhost:8080', board, ctl);
      const exportFile = path.join(scratch, `${room.id}.json`);
      fs.writeFileSync(exportFile, JSON.stringify(buildExport(board, ctl), null, 2));
      sqliteRooms.push({ id: room.id, facilitatorKey: room.facilitatorKey, exportFile });
    }
    store.close();
  });
  afterAll(() => {
    for (const dir of [dataDir, scratch, noDataDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('import writes a room through the log that every instance serves, exports the same OKR, and keeps what an instance adds', async () => {
    const [one, two] = instances();
    const source = JSON.parse(fs.readFileSync(sqliteRooms[0]!.exportFile, 'utf8')) as unknown;
    const result = await okr('import', sqliteRooms[0]!.exportFile, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const created = JSON.parse(result.stdout) as { roomId: string; title: string; facilitatorKey: string; participantUrl: string };
    expect(created).toMatchObject({ title: 'Checkout team OKRs', participantUrl: `https://okr.example.com/r/${created.roomId}` });
    // Gap-free from 1: the board's state, then the control state and its join link.
    const rows = await sql<{ doc: string; seq: string }>('SELECT doc, seq FROM doc_log WHERE room_id = $1 ORDER BY doc, seq', [created.roomId]);
    expect(rows.map((r) => `${r.doc}:${r.seq}`)).toEqual(['board:1', 'control:1', 'control:2']);

    const fromInstance = await fetch(`${two.httpUrl}/api/rooms/${created.roomId}/export`, { headers: { Authorization: `Bearer ${created.facilitatorKey}` } });
    expect(fromInstance.status).toBe(200);
    expect(content(await fromInstance.json())).toEqual(content(source));

    // An instance loads it and appends after the imported rows; the tool reads that edit back.
    const board = track(openBoardClient(one.wsUrl, created.roomId, { key: created.facilitatorKey }));
    const control = track(openControlClient(one.wsUrl, created.roomId));
    await Promise.all([board.synced, control.synced]);
    expect(control.control.state().joinUrl).toBe(created.participantUrl);
    board.board.addContextItem({ kind: 'metric', text: 'Repeat purchase rate is 31%' });
    await expect
      .poll(async () => (JSON.parse((await okr('export', created.roomId)).stdout) as { context: { text: string }[] }).context.map((c) => c.text), { timeout: 30_000 })
      .toContain('Repeat purchase rate is 31%');
  }, 120_000);

  it('review of a room prints what the SQLite store\'s review prints for the same room (text, --json, exit code), and sees edits the instances commit', async () => {
    const migrated = await runOkr(['migrate', '--to', fixture.cluster.postgres.url], dataDir);
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    const runs = sqliteRooms.flatMap(({ id }) => [[], ['--json']].map((flags) => Promise.all([runOkr(['review', id, ...flags], dataDir), okr('review', id, ...flags)])));
    for (const [fromSqlite, fromShared] of await Promise.all(runs)) {
      expect(fromSqlite.stderr).toBe('');
      expect(fromShared).toEqual(fromSqlite);
    }
    const [, , objectiveOnly] = await Promise.all(runs);
    expect(objectiveOnly?.[1].code).toBe(1);
    expect(objectiveOnly?.[1].stdout).toMatch(/^\[error\]\s+kr-count /m);

    // A key result added through an instance: the committed state (snapshot plus log) is what is reviewed.
    const writer = track(openBoardClient(instances()[1].wsUrl, sqliteRooms[1]!.id, { key: sqliteRooms[1]!.facilitatorKey }));
    await writer.synced;
    writer.board.addKeyResult({ id: 'kr-reminder', title: 'Build a cart reminder tool' });
    await expect.poll(async () => (await okr('review', sqliteRooms[1]!.id)).stdout, { timeout: 30_000 }).toMatch(/kr-is-initiative \(keyResult kr-reminder\)/);
  }, 240_000);

  it('prune deletes exactly the idle rooms (log, snapshots, heads, in one transaction each) and leaves a room an instance holds loaded, whatever its age', async () => {
    const [one, two] = instances();
    const idle = await createRoom(two.httpUrl, 'Spring offsite');
    const loaded = await createRoom(two.httpUrl, 'Projector left open');
    const unloaded = await createRoom(one.httpUrl, 'Looked at once');
    // A snapshot for the idle room, as compaction leaves one.
    await sql(`INSERT INTO doc_snapshots (room_id, doc, seq, data) SELECT room_id, doc, seq, data FROM doc_log WHERE room_id = $1 AND doc = 'board'`, [idle.roomId]);

    const watcher = track(openBoardClient(one.wsUrl, loaded.roomId));
    const visitor = openBoardClient(two.wsUrl, unloaded.roomId);
    await Promise.all([watcher.synced, visitor.synced]);
    expect(await sql('SELECT instance_id FROM room_holds WHERE room_id = $1', [loaded.roomId])).toHaveLength(1);
    visitor.destroy();
    // Unloaded after ROOM_IDLE_MS: its hold goes with it.
    await expect.poll(async () => (await sql('SELECT 1 FROM room_holds WHERE room_id = $1', [unloaded.roomId])).length, { timeout: 15_000 }).toBe(0);

    const old = [idle.roomId, loaded.roomId, unloaded.roomId];
    await sql('UPDATE rooms SET last_activity = $2 WHERE id = ANY($1)', [old, Date.now() - 40 * DAY_MS]);
    const before = await roomCount();

    const dry = await okr('prune', '--days', '30', '--dry-run', '--json');
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    const listed = (JSON.parse(dry.stdout) as { dryRun: boolean; rooms: { id: string }[] }).rooms.map((r) => r.id);
    expect(listed.sort()).toEqual([idle.roomId, unloaded.roomId].sort());
    expect(await roomCount()).toBe(before);

    const real = await runOkr(['prune'], noDataDir, { DATABASE_URL: fixture.cluster.postgres.url, ROOM_RETENTION_DAYS: '30' });
    expect(real).toMatchObject({ code: 0, stderr: '' });
    expect(real.stdout).toContain('Deleted 2 rooms with no edit for 30 days.');
    expect(await roomCount()).toBe(before - 2);
    for (const table of ['doc_heads', 'doc_log', 'doc_snapshots', 'room_holds']) {
      expect(await sql(`SELECT 1 FROM ${table} WHERE room_id = ANY($1)`, [[idle.roomId, unloaded.roomId]]), table).toEqual([]);
    }
    expect((await fetch(`${one.httpUrl}/api/rooms/${idle.roomId}`)).status).toBe(404);

    // The held room is whole and still takes edits, which make it active again.
    watcher.board.addContextItem({ kind: 'mission', text: 'Still here' });
    await expect.poll(async () => (await fixture.cluster.storedBoard(loaded.roomId)).contextItems.list().map((c) => c.text), { timeout: 10_000 }).toEqual(['Still here']);
    const again = await okr('prune', '--days', '30');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toBe(`No rooms without an edit for 30 days in ${fixture.cluster.postgres.url}.\n`);
  }, 240_000);

  it('prune deletes a pruned room’s documents and History, as on SQLite, and keeps all of a room within the age (helpers/prunedRoom.ts)', async () => {
    const [one] = instances();
    const roomIds: Record<string, string> = {};
    for (const { name, idleDays } of PRUNE_CASES) {
      const { roomId } = await createRoom(one.httpUrl, name);
      // A snapshot (as compaction leaves) beside the log rows, and a version of the board.
      await sql(`INSERT INTO doc_snapshots (room_id, doc, seq, data) SELECT room_id, doc, seq, data FROM doc_log WHERE room_id = $1 AND doc = 'board'`, [roomId]);
      await sql(
        `INSERT INTO versions (room_id, created_at, reason, step, snapshot, bytes, card_ids)
           SELECT room_id, $2, 'step', 'context', data, length(data), '[]'::jsonb FROM doc_log WHERE room_id = $1 AND doc = 'board'`,
        [roomId, Date.now() - idleDays * DAY_MS],
      );
      await sql('UPDATE rooms SET last_activity = $2 WHERE id = $1', [roomId, Date.now() - idleDays * DAY_MS]);
      roomIds[name] = roomId;
    }

    const pruned = await okr('prune', '--days', String(PRUNE_DAYS));
    expect(pruned).toMatchObject({ code: 0, stderr: '' });
    const { expected, actual } = await pruneOutcome('postgres', roomIds, async (query, roomId) => Number((await sql<{ n: string }>(query, [roomId]))[0]?.n));
    expect(actual).toEqual(expected);
  }, 120_000);

  it('ROOM_RETENTION_DAYS in shared mode: an instance\'s sweep deletes idle rooms and spares one another instance holds', async () => {
    const [one] = instances();
    const idle = await createRoom(one.httpUrl, 'Autumn offsite');
    const held = await createRoom(one.httpUrl, 'Wall screen');
    const screen = track(openBoardClient(one.wsUrl, held.roomId));
    await screen.synced;
    await sql('UPDATE rooms SET last_activity = $2 WHERE id = ANY($1)', [[idle.roomId, held.roomId], Date.now() - 40 * DAY_MS]);
    // The sweep runs when an instance starts, then hourly.
    await fixture.cluster.addInstance({ ROOM_RETENTION_DAYS: '30' });
    await expect.poll(async () => (await sql('SELECT 1 FROM rooms WHERE id = $1', [idle.roomId])).length, { timeout: 15_000 }).toBe(0);
    expect(await sql('SELECT 1 FROM rooms WHERE id = $1', [held.roomId])).toHaveLength(1);
  }, 120_000);

  it('bad input is one message and exit 2, and creates or deletes nothing', async () => {
    const broken = path.join(scratch, 'broken.json');
    fs.writeFileSync(broken, '{ "format": ');
    const badBaseline = path.join(scratch, 'bad-baseline.json');
    const exported = JSON.parse(fs.readFileSync(sqliteRooms[0]!.exportFile, 'utf8')) as { keyResults: Record<string, unknown>[] };
    exported.keyResults[2]!.baseline = '58%';
    fs.writeFileSync(badBaseline, JSON.stringify(exported));
    const before = await roomCount();
    const cases: [string[], string][] = [
      [['import', path.join(scratch, 'nowhere.json')], 'nowhere.json: no such file'],
      [['import', broken], 'is not valid JSON'],
      [['import', badBaseline], 'keyResults[2].baseline: expected a number, got "58%"'],
      [['review', 'A'.repeat(24)], `no room ${'A'.repeat(24)} in postgres://`],
      [['prune', '--days', '0'], '--days must be a positive number of days'],
      [['prune'], '--days N, or set ROOM_RETENTION_DAYS'],
    ];
    const results = await Promise.all(cases.map(([args]) => okr(...args)));
    for (const [i, [args, message]] of cases.entries()) {
      const result = results[i]!;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(await roomCount()).toBe(before);
  }, 180_000);

  it('import into a database no instance has used creates the tables; other commands on it say it holds no rooms yet', async () => {
    await sql('CREATE DATABASE okr_fresh');
    await sql('CREATE DATABASE okr_empty');
    const fresh = fixture.cluster.postgres.url.replace(/\/postgres$/, '/okr_fresh');
    const empty = fixture.cluster.postgres.url.replace(/\/postgres$/, '/okr_empty');
    const imported = await runOkr(['import', sqliteRooms[1]!.exportFile], noDataDir, { DATABASE_URL: fresh });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('Created room "Objective only" from an OKR export.');
    const rooms = await runOkr(['rooms', '--json'], noDataDir, { DATABASE_URL: fresh });
    expect(JSON.parse(rooms.stdout)).toEqual([expect.objectContaining({ title: 'Objective only' })]);
    const nothing = await runOkr(['prune', '--days', '1'], noDataDir, { DATABASE_URL: empty });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('holds no shared-mode rooms yet');
  }, 120_000);
});
