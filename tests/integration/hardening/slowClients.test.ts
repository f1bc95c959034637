import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Config } from '../../../server/src/config.ts';
import { eventually, type TestClient } from '../../helpers/clients.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// A client that stops reading, or stops answering pings, is cut off; the honest clients in the
// same room keep their latency and keep converging meanwhile.

// Each test sets its own limits, so each starts its server itself.
const fixture = useServerWithRoom({ startInTest: true });
const board = (roomId: string) => fixture.board({ roomId });

async function start(overrides: Partial<Config>): Promise<string> {
  await fixture.start(overrides);
  return fixture.room.roomId;
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

/** Resolves once the server has pinged this client `count` more times (one ping per sweep). */
function pingsReceived(client: TestClient, count: number): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket;
  return new Promise((resolve) => {
    let seen = 0;
    const onPing = () => {
      if (++seen < count) return;
      ws.off('ping', onPing);
      resolve();
    };
    ws.on('ping', onPing);
  });
}

const p95 = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.95)]!;

describe('slow and dead clients', () => {
  it('a client that stops reading is disconnected once its send buffer passes MAX_BUFFERED_BYTES; the room does not slow down', async () => {
    // The loud client's 100 KB presence states are over MAX_PRESENCE_BYTES's default: allow them here.
    const roomId = await start({ maxBufferedBytes: 512 * 1024, pingIntervalMs: 60_000, maxPresenceBytes: 128 * 1024 });
    const [a, b, loud] = [board(roomId), board(roomId), board(roomId)];
    await Promise.all([a.synced, b.synced, loud.synced]);
    const slow = await fixture.raw();
    slow.ws.pause();

    // Someone broadcasts big presence updates: ~100 KB each, to everyone, the slow reader included.
    const blob = 'p'.repeat(100 * 1024);
    let round = 0;
    const loudTimer = setInterval(() => loud.provider.awareness.setLocalStateField('note', `${round++}${blob}`), 5);
    fixture.onTearDown(() => clearInterval(loudTimer));

    let cutOff = false;
    const poll = setInterval(() => {
      void scrapeMetrics(fixture.server.httpUrl).then((m) => (cutOff = m.value('okr_connections_closed_total', { cause: 'tooSlow' }) === 1));
    }, 50);
    fixture.onTearDown(() => clearInterval(poll));
    const latency = await measureLatency(a, b, () => cutOff);
    clearInterval(loudTimer);

    expect(cutOff).toBe(true);
    expect(fixture.server.relayConnections()).toBe(3);
    expect(p95(latency)).toBeLessThan(500);
    expect(a.provider.wsconnected && b.provider.wsconnected && loud.provider.wsconnected).toBe(true);
  });

  it('a client that stops answering pings is disconnected after a missed pong; honest clients are not', async () => {
    const roomId = await start({ pingIntervalMs: 150 });
    const [a, b] = [board(roomId), board(roomId)];
    await Promise.all([a.synced, b.synced]);
    const dead = await fixture.raw(undefined, { autoPong: false });

    let gone = false;
    void dead.closed.then(() => (gone = true));
    const latency = await measureLatency(a, b, () => gone);
    expect((await dead.closed).code).toBe(1006);
    const metrics = await scrapeMetrics(fixture.server.httpUrl);
    expect(metrics.value('okr_connections_closed_total', { cause: 'noPong' })).toBe(1);
    // Several more sweeps: the honest clients answer every ping and stay.
    await Promise.all([a, b].map((client) => pingsReceived(client, 4)));
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_connections_closed_total', { cause: 'noPong' })).toBe(1);
    expect(fixture.server.relayConnections()).toBe(2);
    expect(p95(latency)).toBeLessThan(500);
  });
});
