import { describe, expect, it } from 'vitest';
import { createRoom } from '../helpers/server.ts';
import { eventually, openBoardClient } from '../helpers/clients.ts';
import { assertValidExport } from '../helpers/exportSchema.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom({ per: 'file', room: false });

describe('rooms API', () => {
  it('GET /healthz answers 200 once the store is open', async () => {
    const res = await fetch(`${fixture.server.httpUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('POST /api/rooms creates a room with random ids and keys and stores only key hashes', async () => {
    const res = await fetch(`${fixture.server.httpUrl}/api/rooms`, { method: 'POST', body: JSON.stringify({ title: 'Q3 planning' }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body.roomId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(body.facilitatorKey).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(body.participantUrl).toBe(`${fixture.server.httpUrl}/r/${body.roomId}`);
    expect(body.facilitatorUrl).toBe(`${fixture.server.httpUrl}/r/${body.roomId}#key=${body.facilitatorKey}`);
    expect(body.viewerUrl).toBe(`${fixture.server.httpUrl}/v/${body.viewerKey}`);
    const other = await createRoom(fixture.server.httpUrl);
    expect(other.roomId).not.toBe(body.roomId);
    expect(other.facilitatorKey).not.toBe(body.facilitatorKey);
    expect(fixture.server.store.getRoom(body.roomId!)?.title).toBe('Q3 planning');
    expect(JSON.stringify(fixture.server.store.listRooms())).not.toContain(body.facilitatorKey);
  });

  it('POST /api/rooms works without a body', async () => {
    const res = await fetch(`${fixture.server.httpUrl}/api/rooms`, { method: 'POST' });
    expect(res.status).toBe(201);
  });

  it.each([
    ['invalid JSON', '{"title":', 400, 'invalid_json'],
    ['a title of the wrong type', '{"title": 5}', 400, 'invalid_body'],
    ['unknown fields', '{"title": "x", "admin": true}', 400, 'invalid_body'],
  ])('POST /api/rooms with %s answers %i', async (_name, body, status, code) => {
    const res = await fetch(`${fixture.server.httpUrl}/api/rooms`, { method: 'POST', body });
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(code);
    expect(json.message.length).toBeGreaterThan(5);
  });

  it('export: 401 without or with a wrong key, 404 for an unknown room, 200 with the key', async () => {
    const room = await createRoom(fixture.server.httpUrl, 'Export me');
    const client = openBoardClient(fixture.server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await client.synced;
    client.board.addContextItem({ kind: 'mission', text: 'Make checkout effortless' });
    await eventually(() => fixture.server.store.loadDoc(room.roomId, 'board').updates.length >= 2, 'edit stored');
    const url = `${fixture.server.httpUrl}/api/rooms/${room.roomId}/export`;
    const noKey = await fetch(url);
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { error: string }).error).toBe('unauthorized');
    const wrong = await fetch(url, { headers: { Authorization: `Bearer ${room.viewerKey}` } });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(`${fixture.server.httpUrl}/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA/export`, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('not_found');
    const ok = await fetch(url, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
    expect(ok.status).toBe(200);
    const exported = (await ok.json()) as { format: string; version: number; workshop: { title: string }; context: { text: string }[] };
    assertValidExport(exported);
    expect(exported.format).toBe('okr-workshop-board/export');
    expect(exported.version).toBe(3);
    expect(exported.workshop.title).toBe('Export me');
    expect(exported.context.map((c) => c.text)).toEqual(['Make checkout effortless']);
    client.destroy();
  });

  it('unknown API routes and wrong methods answer JSON errors', async () => {
    const missing = await fetch(`${fixture.server.httpUrl}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/json');
    const wrongMethod = await fetch(`${fixture.server.httpUrl}/api/rooms`);
    expect(wrongMethod.status).toBe(405);
  });
});

describe('room lookup before opening a link', () => {
  it('answers 200 for a real room or viewer link, 404 otherwise, and 401 for a wrong facilitator key', async () => {
    const room = await createRoom(fixture.server.httpUrl, 'Look me up');
    const get = (path: string, key?: string) => fetch(`${fixture.server.httpUrl}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
    const ok = await get(`/api/rooms/${room.roomId}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ title: 'Look me up' });
    expect((await get(`/api/rooms/${room.roomId}`, room.facilitatorKey)).status).toBe(200);
    expect((await get(`/api/rooms/${room.roomId}`, room.viewerKey)).status).toBe(401);
    expect((await get(`/api/view/${room.viewerKey}`)).status).toBe(200);
    expect((await get('/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await get('/api/view/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await get('/api/rooms/short')).status).toBe(404);
    expect((await fetch(`${fixture.server.httpUrl}/api/rooms/${room.roomId}`, { method: 'DELETE' })).status).toBe(405);
  });
});
