import { describe, expect, it } from 'vitest';
import { tryUpgrade } from '../../helpers/rawSocket.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * Per-address limits in shared mode (issue 12): counted once across instances through Redis
 * (fixed windows of the wall clock), and by each instance alone while Redis is down. Every
 * connection here comes from 127.0.0.1, through whichever instance.
 */

const CONNECTIONS_PER_MINUTE = 6;
const ROOMS_PER_HOUR = 4;
const HOUR_MS = 3_600_000;

/** Counts follow wall-clock windows: start well inside one, so the test cannot straddle two. */
async function wellInsideWindow(windowMs: number, margin = 20_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < margin) await new Promise((r) => setTimeout(r, left + 100));
}

describe('shared mode: per-address limits across instances', () => {
  const fixture = useSharedCluster(2, {
    MAX_CONNECTIONS_PER_IP_PER_MINUTE: String(CONNECTIONS_PER_MINUTE),
    MAX_ROOMS_CREATED_PER_IP_PER_HOUR: String(ROOMS_PER_HOUR),
  });
  const instances = () => fixture.cluster.instances as [Instance, Instance];
  const upgrade = (instance: Instance) => tryUpgrade(`${instance.wsUrl}/sync/${fixture.room.roomId}`);
  const create = (instance: Instance) => fetch(`${instance.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"limited"}' });

  it('new connections per minute: the limit holds for the address, however the balancer spreads it', async () => {
    await wellInsideWindow(60_000);
    const [one, two] = instances();
    const statuses: number[] = [];
    for (let i = 0; i < CONNECTIONS_PER_MINUTE; i++) statuses.push((await upgrade(i % 2 === 0 ? one : two)).status);
    expect(statuses).toEqual(Array(CONNECTIONS_PER_MINUTE).fill(101));
    for (const instance of [one, two]) {
      const refused = await upgrade(instance);
      expect(refused.status).toBe(429);
      expect(refused.body).toContain('too many new connections from this address');
    }
  }, 120_000);

  it('rooms created per hour: counted across instances (the fixture\'s room counts when made in this hour), answered 429 with Retry-After', async () => {
    await wellInsideWindow(HOUR_MS);
    const [one, two] = instances();
    // The fixture's room was made in beforeAll, possibly in the previous hour's window.
    const window = (t: number) => Math.floor(t / HOUR_MS);
    const { before, after } = fixture.roomCreated;
    const fixtureCounts = window(before) === window(Date.now()) ? [1] : window(after) === window(Date.now()) ? [0, 1] : [0];
    const statuses: number[] = [];
    for (let i = 0; i <= ROOMS_PER_HOUR; i++) {
      const status = (await create(i % 2 === 0 ? two : one)).status;
      if (status !== 201) break;
      statuses.push(status);
    }
    expect(fixtureCounts.map((counted) => ROOMS_PER_HOUR - counted)).toContain(statuses.length);
    for (const instance of [one, two]) {
      const refused = await create(instance);
      expect(refused.status).toBe(429);
      expect((await refused.json()).error).toBe('too_many_rooms');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(HOUR_MS / 1000);
    }
  }, 120_000);

  it('while Redis is down each instance counts alone (limited, never unlimited), and the cluster keeps admitting', async () => {
    const [one, two] = instances();
    await fixture.cluster.redis.kill();
    try {
      for (const instance of [one, two]) {
        const statuses: number[] = [];
        for (let i = 0; i <= CONNECTIONS_PER_MINUTE; i++) statuses.push((await upgrade(instance)).status);
        expect(statuses).toEqual([...Array(CONNECTIONS_PER_MINUTE).fill(101), 429]);
      }
    } finally {
      await fixture.cluster.redis.start();
    }
  }, 120_000);
});
