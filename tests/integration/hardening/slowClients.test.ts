import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/src/config.ts';
import { createRoom, startTestServer, type TestServer } from '../../helpers/server.ts';
import { eventually, openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { RawClient } from '../../helpers/rawSocket.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';

// A client that stops reading, or stops answering pings, is cut off; the honest clients in the
// same room keep their latency and keep converging meanwhile.

let server: TestServer;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) fn();
  await server.close();
});

function board(roomId: string): TestClient {
  const client = openBoardClient(server.wsUrl, roomId);
  cleanup.push(client.destroy);
  return client;
}

async function start(overrides: Partial<Config>): Promise<string> {
  server = await startTestServer(overrides);
  return (await createRoom(server.httpUrl)).roomId;
}

/**
 * A edits every `everyMs` until `until()` holds; resolves with the delay until each edit reached B.
 * Each edit is a candidate named after its send time.
 */
async function measureLatency(a: TestClient, b: TestClient, until: () => boolean, everyMs = 20, minEdits = 30): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latency: number[] = [];
  const seen = new Set<string>();
  const unsubscribe = b.board.subscribe(() => {
    for (const c of b.board.candidates.list()) {
      const at = sentAt.get(c.text);
      if (at !== undefined && !seen.has(c.text)) {
        seen.add(c.text);
        latency.push(performance.now() - at);
      }
    }
  });
  let n = 0;
  while (!until() || n < minEdits) {
    const text = `edit ${n++}`;
    sentAt.set(text, performance.now());
    a.board.addCandidate({ text });
    await new Promise((r) => setTimeout(r, everyMs));
    if (n > 2_000) throw new Error('the misbehaving client was never disconnected');
  }
  await eventually(() => seen.size === n, 'every edit reached the other honest client');
  unsubscribe();
  return latency;
}

const p95 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.95)]!;

describe('slow and dead clients', () => {
  it('a client that stops reading is disconnected once its send buffer passes MAX_BUFFERED_BYTES; the room does not slow down', async () => {
    const roomId = await start({ maxBufferedBytes: 512 * 1024, pingIntervalMs: 60_000 });
    const [a, b, loud] = [board(roomId), board(roomId), board(roomId)];
    await Promise.all([a.synced, b.synced, loud.synced]);
    const slow = await RawClient.open(`${server.wsUrl}/sync/${roomId}`);
    cleanup.push(() => slow.terminate());
    slow.ws.pause();

    // Someone broadcasts big presence updates: ~100 KB each, to everyone, the slow reader included.
    const blob = 'p'.repeat(100 * 1024);
    let round = 0;
    const loudTimer = setInterval(() => loud.provider.awareness.setLocalStateField('note', `${round++}${blob}`), 5);
    cleanup.push(() => clearInterval(loudTimer));

    let cutOff = false;
    const poll = setInterval(() => {
      void scrapeMetrics(server.httpUrl).then((m) => (cutOff = m.value('okr_connections_closed_total', { cause: 'tooSlow' }) === 1));
    }, 50);
    cleanup.push(() => clearInterval(poll));
    const latency = await measureLatency(a, b, () => cutOff);
    clearInterval(loudTimer);

    expect(cutOff).toBe(true);
    expect(server.relayConnections()).toBe(3);
    expect(p95(latency)).toBeLessThan(500);
    expect(a.provider.wsconnected && b.provider.wsconnected && loud.provider.wsconnected).toBe(true);
  });

  it('a client that stops answering pings is disconnected after a missed pong; honest clients are not', async () => {
    const roomId = await start({ pingIntervalMs: 150 });
    const [a, b] = [board(roomId), board(roomId)];
    await Promise.all([a.synced, b.synced]);
    const dead = await RawClient.open(`${server.wsUrl}/sync/${roomId}`, { autoPong: false });
    cleanup.push(() => dead.terminate());

    let gone = false;
    void dead.closed.then(() => (gone = true));
    const latency = await measureLatency(a, b, () => gone);
    expect((await dead.closed).code).toBe(1006);
    const metrics = await scrapeMetrics(server.httpUrl);
    expect(metrics.value('okr_connections_closed_total', { cause: 'noPong' })).toBe(1);
    // Several more sweeps: the honest clients answer every ping and stay.
    await new Promise((r) => setTimeout(r, 600));
    expect((await scrapeMetrics(server.httpUrl)).value('okr_connections_closed_total', { cause: 'noPong' })).toBe(1);
    expect(server.relayConnections()).toBe(2);
    expect(p95(latency)).toBeLessThan(500);
  });
});
