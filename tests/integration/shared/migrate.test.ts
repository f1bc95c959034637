import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport } from '@okr/shared/export';
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

  it.each([
    { args: ['migrate'], message: '--to is required' },
    { args: ['migrate', '--to', 'mysql://x'], message: 'must be a postgres:// URL' },
  ])('refuses $args with exit 2', async ({ args, message }) => {
    const result = await runOkr(args, dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
