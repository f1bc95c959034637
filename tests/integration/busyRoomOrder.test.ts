import { describe, expect, it } from 'vitest';
import { eventually, sameState, type TestClient } from '../helpers/clients.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

// The relay writes each socket's messages once per event-loop turn, corked (TurnFlusher and
// Connection's outbox). Batching must not reorder: a receiver that got an update before the one it
// builds on would hold it as pending structs. Several writers edit and move presence at once.

const fixture = useServerWithRoom();

const WRITERS = 6;
const BURSTS = 5;
const CARDS_PER_BURST = 4;

/** Fails the test if `client` ever holds an update it cannot integrate yet (an out-of-order delivery). */
function watchOrder(client: TestClient, label: string, problems: string[]): void {
  client.board.ydoc.on('afterTransaction', () => {
    const { pendingStructs, pendingDs } = client.board.ydoc.store;
    if (pendingStructs || pendingDs) problems.push(`${label} received an update before one it depends on`);
  });
}

describe('a busy room through corked writes', () => {
  it('every client receives updates in order and all converge, with presence moving at the same time', async () => {
    const problems: string[] = [];
    const clients = Array.from({ length: WRITERS + 1 }, () => fixture.board());
    await Promise.all(clients.map((client) => client.synced));
    clients.forEach((client, i) => watchOrder(client, `client ${i}`, problems));
    const [observer, ...writers] = clients as [TestClient, ...TestClient[]];

    for (let burst = 0; burst < BURSTS; burst++) {
      writers.forEach((writer, w) => {
        for (let c = 0; c < CARDS_PER_BURST; c++) writer.board.addCandidate({ text: `w${w} b${burst} c${c}` });
        writer.provider.awareness.setLocalStateField('cursor', { x: burst * 10 + w, y: burst * 3 });
      });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const total = WRITERS * BURSTS * CARDS_PER_BURST;
    await eventually(() => clients.every((client) => client.board.candidates.list().length === total), `${total} cards on every client`);
    for (const client of writers) expect(sameState(client.board.ydoc, observer.board.ydoc)).toBe(true);
    // Each writer's cards arrive in the order it wrote them (the list is ordered by each card's order key).
    const texts = observer.board.candidates.list().map((card) => card.text);
    for (let w = 0; w < WRITERS; w++) {
      const own = texts.filter((text) => text.startsWith(`w${w} `));
      expect(own).toEqual(Array.from({ length: BURSTS * CARDS_PER_BURST }, (_, i) => `w${w} b${Math.floor(i / CARDS_PER_BURST)} c${i % CARDS_PER_BURST}`));
    }
    // The last presence of every writer reached the observer.
    await eventually(
      () => writers.every((writer) => (observer.provider.awareness.getStates().get(writer.board.ydoc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === (BURSTS - 1) * 10 + writers.indexOf(writer)),
      'every writer’s last cursor at the observer',
    );
    expect(problems).toEqual([]);
  });
});
