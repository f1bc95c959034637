import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { cardIds, ORIGIN, type BoardDoc } from '@okr/shared/doc';
import { eventually, openBoardClient, openControlClient, relayHandled } from '../../helpers/clients.ts';
import { runOkr } from '../../helpers/cli.ts';
import { PgVersions } from '../../../server/src/store/postgres/pgVersions.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { createRoom, tempDataDir, type CreatedRoom } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * History and restore in shared mode (issue 12), whichever instance a person is on: versions are
 * kept in PostgreSQL by the instance whose people's update crossed the trigger, every instance
 * lists and previews the same ones, a restore made through one reaches clients on the others as
 * a normal committed update, and okr history/restore work on DATABASE_URL while the instances run.
 */

type HistoryJson = { id: number; reason: string; step: string; cards: number; added: number; removed: number; createdAt: string; bytes: number }[];

// Rooms unload a second after their last person leaves, so a test can restore a room no instance holds.
const fixture = useSharedCluster(2, { ROOM_IDLE_MS: '1000' });
const track = fixture.track;
const instances = () => fixture.cluster.instances as [Instance, Instance];
const okr = (...args: string[]) => runOkr(args, tempDataDir('okr-history-none-'), { DATABASE_URL: fixture.cluster.postgres.url });
const auth = (room: CreatedRoom) => ({ Authorization: `Bearer ${room.facilitatorKey}` });

async function listed(instance: Instance, room: CreatedRoom): Promise<HistoryJson> {
  const res = await fetch(`${instance.httpUrl}/api/rooms/${room.roomId}/history`, { headers: auth(room) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { versions: HistoryJson }).versions;
}

async function preview(instance: Instance, room: CreatedRoom, versionId: number): Promise<Uint8Array> {
  const res = await fetch(`${instance.httpUrl}/api/rooms/${room.roomId}/history/${versionId}`, { headers: auth(room) });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

function wipe(board: BoardDoc): void {
  board.transact(() => board.candidates.list().forEach((card) => board.candidates.remove(card.id)));
}

/**
 * The accident of issue 9 across instances: a participant on instance two writes 11 cards, the
 * facilitator on instance one moves to the next step (a version), and a participant on instance
 * one wipes the board. Returns the clients and the 11 cards.
 */
async function theAccident() {
  const [one, two] = instances();
  const room = await createRoom(one.httpUrl, 'History across instances');
  const writer = track(openBoardClient(two.wsUrl, room.roomId));
  const wiper = track(openBoardClient(one.wsUrl, room.roomId));
  const control = track(openControlClient(one.wsUrl, room.roomId, { key: room.facilitatorKey }));
  await Promise.all([writer.synced, wiper.synced, control.synced]);
  for (let i = 1; i <= 11; i++) writer.board.addCandidate({ id: `card-${i}`, text: `Objective draft ${i}` });
  const cards = cardIds(writer.board);
  await eventually(() => cardIds(wiper.board).length === 11, 'the 11 cards reach instance one');
  control.control.setStep('draft');
  await relayHandled(control.provider);
  await expect.poll(async () => (await listed(one, room)).map((v) => v.reason), { timeout: 5_000 }).toEqual(['step']);
  wipe(wiper.board);
  await relayHandled(wiper.provider);
  await eventually(() => cardIds(writer.board).length === 0, 'the wipe reaches instance two');
  return { room, writer, wiper, control, cards };
}

describe('history in shared mode', () => {
  it('every instance lists and previews the same versions, whichever instance kept them', async () => {
    const [one, two] = instances();
    const room = await createRoom(one.httpUrl, 'Versions from two instances');
    const participant = track(openBoardClient(two.wsUrl, room.roomId));
    const control = track(openControlClient(one.wsUrl, room.roomId, { key: room.facilitatorKey }));
    await Promise.all([participant.synced, control.synced]);
    for (let i = 1; i <= 11; i++) participant.board.addCandidate({ text: `Objective draft ${i}` });
    await relayHandled(participant.provider);
    // Instance two sees the big deletion (its participant's update) and keeps the board before it.
    wipe(participant.board);
    await relayHandled(participant.provider);
    await expect.poll(async () => (await listed(one, room)).length, { timeout: 5_000 }).toBe(1);
    // Another big deletion, on instance one, within 10 s of that version: instance one knew of no
    // version of its own, but PostgreSQL's newest declines it, as one server would.
    const other = track(openBoardClient(one.wsUrl, room.roomId));
    await other.synced;
    for (let i = 1; i <= 8; i++) other.board.addCandidate({ text: `Second try ${i}` });
    await relayHandled(other.provider);
    wipe(other.board);
    await relayHandled(other.provider);
    // Instance one sees the step change, and knows the board changed since (on instance two).
    control.control.setStep('draft');
    await relayHandled(control.provider);
    await expect.poll(async () => (await listed(two, room)).map((v) => [v.reason, v.step, v.cards]), { timeout: 5_000 }).toEqual([
      ['step', 'context', 0],
      ['deletion', 'context', 11],
    ]);
    expect(await listed(one, room)).toEqual(await listed(two, room));
    const [, deletion] = await listed(two, room);
    expect(Buffer.from(await preview(one, room, deletion!.id)).equals(Buffer.from(await preview(two, room, deletion!.id)))).toBe(true);

    expect((await fetch(`${two.httpUrl}/api/rooms/${room.roomId}/history/999999999`, { headers: auth(room) })).status).toBe(404);
    expect((await fetch(`${two.httpUrl}/api/rooms/${room.roomId}/history`, { headers: { Authorization: `Bearer ${room.viewerKey}` } })).status).toBe(401);
    expect((await fetch(`${two.httpUrl}/api/rooms/${room.roomId}/history`)).status).toBe(401);
    expect((await fetch(`${one.httpUrl}/api/rooms/${room.roomId}/history`, { method: 'POST', headers: auth(room) })).status).toBe(405);
  }, 60_000);

  it('a restore through instance one reaches a participant on instance two, and Undo takes it back there too', async () => {
    const [one] = instances();
    const { room, writer, cards } = await theAccident();
    const [step] = await listed(one, room);
    const facilitator = track(openBoardClient(one.wsUrl, room.roomId, { key: room.facilitatorKey }));
    await facilitator.synced;
    const undo = new Y.UndoManager(facilitator.board.undoScope(), { trackedOrigins: new Set([ORIGIN.user]) });

    facilitator.board.restoreFrom(await preview(one, room, step!.id));
    await eventually(() => cardIds(writer.board).join() === cards.join(), 'the participant on instance two has the 11 cards back');
    await expect.poll(async () => cardIds(await fixture.cluster.storedBoard(room.roomId)), { timeout: 5_000 }).toEqual(cards);

    undo.undo();
    await eventually(() => cardIds(writer.board).length === 0, 'the undo reaches instance two');
    await expect.poll(async () => cardIds(await fixture.cluster.storedBoard(room.roomId)), { timeout: 5_000 }).toEqual([]);
    undo.destroy();
  }, 60_000);

  it('okr history and okr restore on DATABASE_URL while the instances run: everyone gets the cards back', async () => {
    const [one, two] = instances();
    const { room, writer, wiper, cards } = await theAccident();
    const fromCli = await okr('history', room.roomId, '--json');
    expect(fromCli.stderr).toBe('');
    const versions = JSON.parse(fromCli.stdout) as HistoryJson;
    expect(versions).toEqual(await listed(two, room));
    const step = versions.find((v) => v.reason === 'step')!;
    const text = await okr('history', room.roomId);
    expect(text.stdout).toMatch(/VERSION\s+TIME\s+STEP\s+WHY\s+CARDS\s+CHANGES/);

    const restored = await okr('restore', room.roomId, String(step.id));
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('written to PostgreSQL');
    await eventually(() => cardIds(writer.board).join() === cards.join() && cardIds(wiper.board).join() === cards.join(), 'both instances\' participants have the 11 cards back');
    expect((await listed(one, room))[0]).toMatchObject({ reason: 'restore', cards: 0, removed: 11 });

    // A late joiner on either instance opens the restored board.
    const late = track(openBoardClient(two.wsUrl, room.roomId));
    await late.synced;
    expect(cardIds(late.board)).toEqual(cards);
  }, 60_000);

  it('okr restore on DATABASE_URL of a room no instance holds: the room opens with the version', async () => {
    const [one, two] = instances();
    const { room, writer, wiper, control, cards } = await theAccident();
    const [step] = await listed(one, room);
    const loaded = async () => Promise.all([one, two].map(async (instance) => (await scrapeMetrics(instance.httpUrl)).value('okr_rooms_loaded')));
    const before = await loaded();
    for (const client of [writer, wiper, control]) client.destroy();
    await expect.poll(async () => (await loaded()).map((count, i) => before[i]! - count), { timeout: 10_000 }).toEqual([1, 1]);

    const restored = await okr('restore', room.roomId, String(step!.id));
    expect(restored.code).toBe(0);
    const late = track(openBoardClient(two.wsUrl, room.roomId));
    await late.synced;
    expect(cardIds(late.board)).toEqual(cards);
  }, 60_000);

  it('PgVersions: of versions asked for at once by several instances, the policy keeps one; thinning bounds the room', async () => {
    const room = await createRoom(instances()[0].httpUrl, 'Concurrent versions');
    const pool = new pg.Pool({ connectionString: fixture.cluster.postgres.url, max: 6 });
    try {
      const board = new Uint8Array([0, 0]);
      const now = Date.now();
      const version = (createdAt: number) => ({ reason: 'deletion' as const, step: 'draft', board, cardIds: [], createdAt });
      // Five instances, each with its own pool connection, at the same moment: one version, as a single server keeps.
      const apart = (newestAt: number | null) => newestAt === null || now - newestAt >= 10_000;
      const added = await Promise.all([0, 1, 2, 3, 4].map(() => new PgVersions(pool).add(room.roomId, version(now), apart)));
      expect(added.filter((a) => a.id !== null)).toHaveLength(1);
      expect(added.map((a) => a.newestAt)).toEqual([now, now, now, now, now]);

      const bounded = new PgVersions(pool, { maxVersions: 3, maxBytes: 1024 });
      for (let i = 1; i <= 4; i++) await bounded.add(room.roomId, version(now + i * 1_000));
      expect((await bounded.list(room.roomId)).map((v) => v.createdAt)).toEqual([now + 4_000, now + 3_000, now + 2_000]);
    } finally {
      await pool.end();
    }
  }, 60_000);

  it('okr history and restore on DATABASE_URL refuse a room or version that is not there with exit code 2', async () => {
    const { roomId } = fixture.room;
    const table: [string[], RegExp][] = [
      [['history', 'x'.repeat(22)], /no room x{22} in postgres:\/\//],
      [['restore', roomId, '999999999'], /has no version 999999999/],
      [['restore', 'x'.repeat(22), '1'], /no room x{22}/],
      [['restore', roomId, 'latest'], /"latest" is not a version number/],
    ];
    for (const [args, message] of table) {
      const result = await okr(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  }, 60_000);

  it('instances keep nothing on local disk: rooms, edits, versions and a restore leave every DATA_DIR empty (no SQLite file)', async () => {
    const [one, two] = instances();
    const { room, writer, cards } = await theAccident();
    const [step] = await listed(two, room);
    const facilitator = track(openBoardClient(two.wsUrl, room.roomId, { key: room.facilitatorKey }));
    await facilitator.synced;
    facilitator.board.restoreFrom(await preview(two, room, step!.id));
    await eventually(() => cardIds(writer.board).join() === cards.join(), 'the restore reaches instance one');
    for (const instance of [one, two]) expect(fs.readdirSync(instance.dataDir), instance.id).toEqual([]);
  }, 60_000);
});
