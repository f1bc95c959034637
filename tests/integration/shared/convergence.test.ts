import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

/** Shared mode end to end: three server processes on one PostgreSQL and one Redis. */
describe('shared mode: several instances serve one room', () => {
  const fixture = useSharedCluster(2);
  const open = (wsUrl: string, key?: string) => fixture.track(openBoardClient(wsUrl, fixture.room.roomId, key ? { key } : {}));

  it('answers /readyz when PostgreSQL and Redis answer', async () => {
    const res = await fetch(`${fixture.cluster.instances[1]!.httpUrl}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'ok', bus: 'ok' });
  });

  it('finds a room created on one instance from another', async () => {
    const res = await fetch(`${fixture.cluster.instances[1]!.httpUrl}/api/rooms/${fixture.room.roomId}`);
    expect(await res.json()).toEqual({ title: 'Shared workshop' });
  });

  it('converges edits made on two instances, and a late joiner on a third gets all of them', async () => {
    const [a, b] = [open(fixture.cluster.instances[0]!.wsUrl, fixture.room.facilitatorKey), open(fixture.cluster.instances[1]!.wsUrl)];
    await Promise.all([a.synced, b.synced]);
    expect(b.board.workshop().title).toBe('Shared workshop');
    for (let i = 0; i < 20; i++) {
      a.board.addContextItem({ kind: 'mission', text: `from A ${i}` });
      b.board.addContextItem({ kind: 'mission', text: `from B ${i}` });
    }
    const ids = (c: TestClient) => c.board.contextItems.list().map((item) => item.text).sort();
    await expect.poll(() => ids(a).length, { timeout: 10_000 }).toBe(40);
    await expect.poll(() => ids(b), { timeout: 10_000 }).toEqual(ids(a));

    const third = await fixture.cluster.addInstance();
    const late = open(third.wsUrl);
    await late.synced;
    expect(ids(late)).toEqual(ids(a));
  }, 60_000);

  it('redeems a ticket issued by one instance on another, once', async () => {
    const res = await fetch(`${fixture.cluster.instances[0]!.httpUrl}/api/tickets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fixture.room.facilitatorKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ roomId: fixture.room.roomId }),
    });
    expect(res.status).toBe(201);
    const { ticket, role } = (await res.json()) as { ticket: string; role: string };
    expect(role).toBe('facilitator');
    const url = (t: string) => `${fixture.cluster.instances[1]!.wsUrl}/sync/${fixture.room.roomId}/control?ticket=${t}`;
    const answer = (t: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url(t));
        socket.once('open', () => (socket.close(), resolve(101)));
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('error', () => {});
      });
    expect(await answer(ticket)).toBe(101);
    expect(await answer(ticket)).toBe(403);
  });

  it('exports the room from any instance, to its facilitator only', async () => {
    const exportFrom = (httpUrl: string, key: string) => fetch(`${httpUrl}/api/rooms/${fixture.room.roomId}/export`, { headers: { Authorization: `Bearer ${key}` } });
    const res = await exportFrom(fixture.cluster.instances[1]!.httpUrl, fixture.room.facilitatorKey);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { format: string; workshop: { title: string } };
    expect(body.format).toBe('okr-workshop-board/export');
    expect(JSON.stringify(body)).toContain('from A 19');
    expect((await exportFrom(fixture.cluster.instances[0]!.httpUrl, fixture.room.viewerKey)).status).toBe(401);
  });

  it('answers an unknown API route with 404, as a single server does', async () => {
    const res = await fetch(`${fixture.cluster.instances[0]!.httpUrl}/api/rooms/${fixture.room.roomId}/nothing-here`, { headers: { Authorization: `Bearer ${fixture.room.facilitatorKey}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
  });
});
