import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIdsOfSnapshot, encodeState } from '@okr/shared/doc';
import { buildExport } from '@okr/shared/export';
import { historyEntries } from '../../../server/src/store/historyEntries.ts';
import { createRoom, newBoard } from '../../../server/src/rooms/createRoom.ts';
import { readRoomDocs } from '../../../server/src/store/readRoom.ts';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { runOkr } from '../../helpers/cli.ts';
import { tempDataDir } from '../../helpers/server.ts';
import { CLUSTER_START_MS, startSharedCluster, type SharedCluster } from '../../helpers/sharedCluster.ts';

/** Everything of an export but the moment it was made. */
const content = (exported: unknown) => ({ ...(exported as Record<string, unknown>), exportedAt: undefined });

describe('okr migrate --to postgres://', () => {
  let cluster: SharedCluster;
  const dataDir = tempDataDir('okr-migrate-');
  const rooms: { id: string; facilitatorKey: string; expected: unknown }[] = [];
  let history: unknown[] = [];
  let snapshot: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    const store = RoomStore.open(dataDir);
    for (const title of ['Checkout team', 'Platform Q3', 'Growth']) {
      const board = newBoard(title);
      board.addContextItem({ kind: 'mission', text: `${title}: make it effortless` });
      const { room } = createRoom(store, 'http://localhost:8080', board);
      rooms.push({ id: room.id, facilitatorKey: room.facilitatorKey, expected: undefined });
    }
    for (const room of rooms) {
      const { board, control } = readRoomDocs(store, room.id);
      room.expected = content(buildExport(board, control));
    }
    // The first room has a History: two versions of its board.
    const first = rooms[0]!.id;
    const board = encodeState(readRoomDocs(store, first).board.ydoc);
    store.versions.add(first, { reason: 'step', step: 'context', board, cardIds: cardIdsOfSnapshot(board), createdAt: Date.now() - 60_000 });
    store.versions.add(first, { reason: 'deletion', step: 'draft', board, cardIds: cardIdsOfSnapshot(board), createdAt: Date.now() - 30_000 });
    history = historyEntries(store.versions.list(first)).map((entry) => ({ ...entry, id: undefined }));
    snapshot = board;
    store.close();
    cluster = await startSharedCluster(1);
  }, CLUSTER_START_MS);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('copies every room, keys included, so each exports the same from a shared instance; a second run copies nothing', async () => {
    const first = await runOkr(['migrate', '--to', cluster.postgres.url], dataDir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Copied 3 rooms');
    for (const room of rooms) {
      const res = await fetch(`${cluster.instances[0]!.httpUrl}/api/rooms/${room.id}/export`, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
      expect(res.status).toBe(200);
      expect(content(await res.json())).toEqual(room.expected);
    }
    const again = await runOkr(['migrate', '--to', cluster.postgres.url], dataDir);
    expect(again.stdout).toContain('Copied 0 rooms');
    expect(again.stdout).toContain('3 already there');
  }, 60_000);

  it('copies each room\'s History once: the shared instances list the same versions and preview the same boards', async () => {
    const { id, facilitatorKey } = rooms[0]!;
    const headers = { Authorization: `Bearer ${facilitatorKey}` };
    const httpUrl = cluster.instances[0]!.httpUrl;
    const listed = (await (await fetch(`${httpUrl}/api/rooms/${id}/history`, { headers })).json()) as { versions: { id: number }[] };
    expect(listed.versions.map((entry) => ({ ...entry, id: undefined }))).toEqual(history);
    const preview = await fetch(`${httpUrl}/api/rooms/${id}/history/${listed.versions[0]!.id}`, { headers });
    expect(Buffer.from(await preview.arrayBuffer()).equals(Buffer.from(snapshot))).toBe(true);
    // The first test ran migrate twice: still two versions, not four.
    expect(listed.versions).toHaveLength(2);
  }, 60_000);

  it.each([
    { args: ['migrate'], message: '--to is required' },
    { args: ['migrate', '--to', 'mysql://x'], message: 'must be a postgres:// URL' },
  ])('refuses $args with exit 2', async ({ args, message }) => {
    const result = await runOkr(args, dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
