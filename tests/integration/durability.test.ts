import { afterEach, describe, expect, it } from 'vitest';
import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { RoomStore } from '../../server/src/store/roomStore.ts';
import { createRoom, killHard, spawnServer, tempDataDir, type ServerProcess } from '../helpers/server.ts';
import { eventually, openBoardClient, type TestClient } from '../helpers/clients.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('durable rooms', () => {
  it('a SIGKILLed server, restarted on the same DATA_DIR, still has every update it broadcast', async ({ signal }) => {
    const dataDir = tempDataDir();
    let server: ServerProcess = await spawnServer(dataDir);
    cleanup.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);
    const writer: TestClient = openBoardClient(server.wsUrl, room.roomId);
    const watcher: TestClient = openBoardClient(server.wsUrl, room.roomId);
    cleanup.push(() => writer.destroy(), () => watcher.destroy());
    await Promise.all([writer.synced, watcher.synced]);

    // Keep writing; kill the server while edits are in flight.
    let written = 0;
    const storm = setInterval(() => writer.board.addCandidate({ text: `idea ${written++}` }), 2);
    await eventually(() => watcher.board.candidates.list().length >= 200, 'watcher received 200 cards');
    await killHard(server);
    clearInterval(storm);
    // Whatever the watcher received came from the server: all of it must be in the store.
    const received = new Set(watcher.board.candidates.list().map((c) => c.text));

    const store = RoomStore.open(dataDir);
    const stored = new BoardDoc(docFromUpdates(store.loadDoc(room.roomId, 'board').updates));
    store.close();
    const storedTexts = new Set(stored.candidates.list().map((c) => c.text));
    const missing = [...received].filter((text) => !storedTexts.has(text));
    expect(missing).toEqual([]);
    expect(received.size).toBeGreaterThanOrEqual(200);

    server = await spawnServer(dataDir, {}, server.port);
    // A test given up on (timed out) goes on running: it must not leave the server it started behind.
    if (signal.aborted) return void (await killHard(server));
    await eventually(() => watcher.provider.synced && writer.provider.synced, 'clients reconnected', 20_000);
    await eventually(
      () => writer.board.candidates.list().length === written && watcher.board.candidates.list().length === written,
      'every card written reaches the server and the watcher after the restart',
      20_000,
    );
    // The sum of the steps' own bounds (two starts of 20 s, 10 s for the cards, two waits of 20 s),
    // which each fail saying what they waited for: the 60 s default cut a loaded run short of them.
  }, 100_000);
});
