import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { installJitteredReconnect, reconnectDelay } from '../../../client/src/sync/reconnect.ts';
import { createRoom, killHard, spawnServer, stopServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openProvider } from '../../helpers/clients.ts';

// After a restart, 200 clients using the app's jittered reconnect (client/src/sync/reconnect.ts,
// installed on stock y-websocket providers) do not all come back in the same 100 ms.

const PEOPLE = 200;
const WINDOW_MS = 100;
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** When each provider started the connection attempt that finally succeeded after `since`. */
function trackReturns(provider: WebsocketProvider, since: () => number | null, returns: number[]): void {
  let attemptAt = 0;
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') attemptAt = performance.now();
    const restartedAt = since();
    if (status === 'connected' && restartedAt !== null && attemptAt >= restartedAt) returns.push(attemptAt);
  });
}

/** The most returns inside any window of `ms`. */
function busiestWindow(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('reconnect after a restart', () => {
  it('reconnectDelay is exponential with full jitter in the upper half, capped', () => {
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, () => 0))).toEqual([125, 250, 500, 1000]);
    expect([0, 1, 2, 3].map((n) => reconnectDelay(n, () => 0.999))).toEqual([250, 500, 1000, 1999]);
    expect(reconnectDelay(30, () => 1)).toBe(10_000);
  });

  it(`${PEOPLE} clients with the jittered reconnect do not all return within the same ${WINDOW_MS} ms`, async () => {
    process.setMaxListeners(PEOPLE + 50);
    const dataDir = tempDataDir();
    // Every test client comes from one address; let it hold all of the room's seats.
    const env = { MAX_CONNECTIONS_PER_ROOM_PER_IP: String(PEOPLE) };
    let server: ServerProcess = await spawnServer(dataDir, env);
    cleanup.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);

    let restartedAt: number | null = null;
    const since = () => restartedAt;
    const jittered: number[] = [];
    const providers: WebsocketProvider[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const p = openProvider(server.wsUrl, room.roomId, new Y.Doc());
      cleanup.push(installJitteredReconnect(p));
      trackReturns(p, since, jittered);
      providers.push(p);
    }
    cleanup.push(() => providers.forEach((p) => p.destroy()));
    await eventually(() => providers.every((p) => p.synced), 'everyone connected', 30_000);

    // Everyone hears "going away" at the same instant: the worst case for a thundering herd.
    await stopServer(server, 'SIGTERM');
    restartedAt = performance.now();
    server = await spawnServer(dataDir, env, server.port);
    await eventually(() => jittered.length === PEOPLE, 'everyone came back', 30_000);

    const peak = busiestWindow(jittered, WINDOW_MS);
    const spread = Math.max(...jittered) - Math.min(...jittered);
    console.info(`after a restart the busiest ${WINDOW_MS} ms saw ${peak}/${PEOPLE} clients return; returns spread over ${Math.round(spread)} ms`);
    // Not all in one window; with the server back after >= 400 ms the first jitter windows are
    // >= 250 ms wide, so even the busiest 100 ms holds well under three quarters.
    expect(peak).toBeLessThan(PEOPLE * 0.75);
    expect(spread).toBeGreaterThanOrEqual(250);
  }, 90_000);
});
