import { afterAll, describe, expect, it } from 'vitest';
import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { createRoom, killHard, spawnServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openBoardClient, sameState, type TestClient } from '../../helpers/clients.ts';
import { Prng, seedFrom } from '../../helpers/prng.ts';

// SIGKILL at random moments of an edit storm, restart on the same DATA_DIR, ten times over:
// nothing any client received from the server is ever missing from the store, and everyone
// converges after reconnecting. CRASH_SEED=<n> replays a run.

const CLIENTS = 20;
const ROUNDS = 10;
/** Each step of a round has its own bound (a start 20 s, reconnecting 20 s, converging 20 s) and fails naming its round. */
const ROUND_BOUND_MS = 65_000;
const seed = seedFrom('CRASH_SEED', 5_2024);
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const author = (text: string) => Number(/^c(\d+)-/.exec(text)?.[1]);

function storedTexts(dataDir: string, roomId: string): Set<string> {
  const store = RoomStore.open(dataDir);
  try {
    return new Set(new BoardDoc(docFromUpdates(store.loadDoc(roomId, 'board').updates)).candidates.list().map((c) => c.text));
  } finally {
    store.close();
  }
}

describe('crash safety', () => {
  it(`${CLIENTS} clients, ${ROUNDS} SIGKILLs at random moments: no received update is lost, everyone converges (seed ${seed})`, async ({ signal }) => {
    const prng = new Prng(seed);
    const dataDir = tempDataDir();
    let server: ServerProcess = await spawnServer(dataDir);
    cleanup.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);
    const clients: TestClient[] = Array.from({ length: CLIENTS }, () => openBoardClient(server.wsUrl, room.roomId));
    cleanup.push(() => clients.forEach((c) => c.destroy()));
    await Promise.all(clients.map((c) => c.synced));

    let written = 0;
    let receivedChecked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const storm = setInterval(() => {
        const i = prng.int(CLIENTS);
        clients[i]!.board.addCandidate({ text: `c${i}-r${round}-${written++}` });
      }, 2);
      await new Promise((r) => setTimeout(r, prng.between(100, 700)));
      await killHard(server);
      clearInterval(storm);

      // Whatever a client holds from another client came through the server before it died.
      const stored = storedTexts(dataDir, room.roomId);
      clients.forEach((client, i) => {
        const received = client.board.candidates.list().map((c) => c.text).filter((text) => author(text) !== i);
        receivedChecked += received.length;
        const lost = received.filter((text) => !stored.has(text));
        expect(lost, `round ${round}: client ${i} received updates the store lost`).toEqual([]);
      });

      server = await spawnServer(dataDir, {}, server.port);
      // A test given up on (timed out) goes on running: it must not leave the server it started behind.
      if (signal.aborted) {
        await killHard(server);
        return;
      }
      await eventually(() => clients.every((c) => c.provider.synced), `round ${round}: every client reconnected`, 20_000);
      await eventually(
        () => clients.every((c) => c.board.candidates.list().length === written),
        `round ${round}: every client has all ${written} edits`,
        20_000,
      );
      for (const client of clients) expect(sameState(client.board.ydoc, clients[0]!.board.ydoc)).toBe(true);
    }
    expect(storedTexts(dataDir, room.roomId).size).toBe(written);
    console.info(`crash safety: ${ROUNDS} kills, ${written} edits, ${receivedChecked} received edits checked against the store`);
    // The sum of the steps' own bounds: on a loaded machine ten restarts took more than 150 s with
    // nothing lost, so a tighter budget only reports the machine's load, never which step hung.
  }, 20_000 + ROUNDS * ROUND_BOUND_MS);
});
