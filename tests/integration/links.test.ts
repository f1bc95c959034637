import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ControlDoc } from '@okr/shared/doc';
import { eventually, whenSynced } from '../helpers/clients.ts';
import { askTicket, rotate } from '../helpers/links.ts';
import { tryUpgrade } from '../helpers/rawSocket.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

/*
 * Rotate and revoke (issue 9): each link can be replaced; the old one then says it no longer opens
 * the board (410), its open sockets are closed with 4410, and the new one works. Tickets keep keys
 * out of websocket URLs; stock clients with params.key keep working.
 */

const REVOKED = { code: 4410, reason: 'this link no longer opens this board' };

const fixture = useServerWithRoom();

function api(path: string, key?: string): Promise<Response> {
  return fetch(`${fixture.server.httpUrl}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
}

describe('links from any device holding the facilitator key', () => {
  it('GET /api/rooms/<id>/links gives the projector and participant links back; other keys get 401', async () => {
    const { roomId, facilitatorKey, viewerKey, viewerUrl, participantUrl } = fixture.room;
    const res = await api(`/api/rooms/${roomId}/links`, facilitatorKey);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ roomId, viewerKey, viewerUrl, participantUrl, participantKey: null });
    expect((await api(`/api/rooms/${roomId}/links`, viewerKey)).status).toBe(401);
    expect((await api(`/api/rooms/${roomId}/links`)).status).toBe(401);
  });
});

describe('rotation', () => {
  it('the participant link: /r/<roomId> alone stops opening the board, its sockets close, the new key works', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    const oldParticipant = await fixture.raw(`/sync/${roomId}`);
    const facilitator = fixture.board({ key: facilitatorKey });
    await facilitator.synced;

    const links = await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'participant');
    expect(links.participantUrl).toBe(`${fixture.server.baseUrl}/r/${roomId}#join=${links.participantKey}`);
    expect(await oldParticipant.closed).toEqual(REVOKED);
    expect((await api(`/api/rooms/${roomId}`)).status).toBe(410);
    expect(await api(`/api/rooms/${roomId}`).then((r) => r.json())).toMatchObject({ error: 'revoked', message: expect.stringMatching(/no longer opens this board/) });
    expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${roomId}`)).status).toBe(410);

    // The stock client's documented contract, with the new participant key as params.key.
    const participant = fixture.board({ key: links.participantKey ?? '' });
    await participant.synced;
    expect((await api(`/api/rooms/${roomId}`, links.participantKey ?? '')).status).toBe(200);
    // The facilitator was not disconnected: their edit reaches the new participant.
    facilitator.board.addContextItem({ kind: 'mission', text: 'after rotation' });
    await eventually(() => participant.board.contextItems.list().some((item) => item.text === 'after rotation'), 'facilitator edit after the participant rotation');

    // The projector's QR code shows the new link.
    const projector = fixture.control({ viewerKey: fixture.room.viewerKey });
    await eventually(() => projector.control.state().joinUrl === links.participantUrl, 'the new join link on the projector');

    // Rotating again revokes the first participant key too.
    const oldKeyHolder = await fixture.raw(`/sync/${roomId}?key=${links.participantKey}`);
    const again = await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'participant');
    expect(await oldKeyHolder.closed).toEqual(REVOKED);
    expect((await api(`/api/rooms/${roomId}`, links.participantKey ?? '')).status).toBe(410);
    expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${roomId}?key=${again.participantKey}`)).status).toBe(101);
  });

  it('the projector link: the old one says it no longer opens the board, its sockets close, the new one works', async () => {
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    const oldViewer = await fixture.raw(`/view/${viewerKey}/control`);
    const links = await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'viewer');
    expect(links.viewerKey).not.toBe(viewerKey);
    expect(await oldViewer.closed).toEqual(REVOKED);
    expect((await api(`/api/view/${viewerKey}`)).status).toBe(410);
    expect((await tryUpgrade(`${fixture.server.wsUrl}/view/${viewerKey}`)).status).toBe(410);
    expect((await api(`/api/view/${links.viewerKey}`)).status).toBe(200);
    const viewer = fixture.board({ viewerKey: links.viewerKey ?? '' });
    await viewer.synced;
    // Any device with the facilitator key reads the new projector link.
    expect(await api(`/api/rooms/${roomId}/links`, facilitatorKey).then((r) => r.json())).toMatchObject({ viewerUrl: links.viewerUrl });
  });

  it('the facilitator key: the old one is refused (410) and its sockets closed; the new one keeps the sealed links', async () => {
    const { roomId, facilitatorKey, viewerUrl } = fixture.room;
    const oldBoard = await fixture.raw(`/sync/${roomId}?key=${facilitatorKey}`);
    const oldControl = await fixture.raw(`/sync/${roomId}/control?key=${facilitatorKey}`);
    const participant = await fixture.raw(`/sync/${roomId}`);

    const links = await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'facilitator');
    expect(links.facilitatorKey).not.toBe(facilitatorKey);
    expect(await oldBoard.closed).toEqual(REVOKED);
    expect(await oldControl.closed).toEqual(REVOKED);
    expect(await participant.roundTrip()).toBe('alive');
    expect((await api(`/api/rooms/${roomId}`, facilitatorKey)).status).toBe(410);
    expect((await api(`/api/rooms/${roomId}/links`, facilitatorKey)).status).toBe(410);
    expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${roomId}?key=${facilitatorKey}`)).status).toBe(410);

    const facilitator = fixture.control({ key: links.facilitatorKey });
    await facilitator.synced;
    facilitator.control.set({ locked: true });
    const watcher = fixture.control();
    await eventually(() => watcher.control.state().locked, 'the new facilitator key changes the control document');
    expect(await api(`/api/rooms/${roomId}/links`, links.facilitatorKey).then((r) => r.json())).toMatchObject({ viewerUrl });
  });

  it('refuses a rotation without the facilitator key, and an unknown link name', async () => {
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    await expect(rotate(fixture.server.httpUrl, roomId, viewerKey, 'participant')).rejects.toThrow(/401/);
    await expect(rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'everything' as 'viewer')).rejects.toThrow(/400/);
  });
});

describe('websocket tickets', () => {
  it('a ticket opens one connection with the key\'s role, once', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    const { status, body } = await askTicket(fixture.server.httpUrl, facilitatorKey, roomId);
    expect(status).toBe(201);
    expect(body).toMatchObject({ roomId, role: 'facilitator', expiresInMs: 30_000 });
    expect(body.ticket).not.toContain(facilitatorKey);
    const url = `${fixture.server.wsUrl}/sync/${roomId}/control?ticket=${body.ticket}`;
    const first = await fixture.raw(`/sync/${roomId}/control?ticket=${body.ticket}`);
    expect(await first.roundTrip()).toBe('alive');
    const second = await tryUpgrade(url);
    expect(second.status).toBe(403);
    expect(JSON.parse(second.body)).toMatchObject({ message: expect.stringMatching(/ticket unknown, used or expired/) });
  });

  it('a ticket carries the key\'s role: a facilitator ticket changes the control document, a viewer ticket is read-only', async () => {
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    const watcher = fixture.control();
    await watcher.synced;
    const viewerTicket = await askTicket(fixture.server.httpUrl, viewerKey);
    expect(viewerTicket.body).toMatchObject({ roomId, role: 'viewer' });
    const viewer = ticketControlClient(roomId, viewerTicket.body.ticket ?? '');
    await whenSynced(viewer.provider);
    viewer.control.set({ step: 'park' });

    const { body } = await askTicket(fixture.server.httpUrl, facilitatorKey, roomId);
    const facilitator = ticketControlClient(roomId, body.ticket ?? '');
    await whenSynced(facilitator.provider);
    facilitator.control.set({ locked: true });
    await eventually(() => watcher.control.state().locked, 'the facilitator ticket\'s write');
    expect(watcher.control.state().step).not.toBe('park');
  });

  it('a ticket connection is closed when the key it was exchanged for is rotated', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    const { body } = await askTicket(fixture.server.httpUrl, facilitatorKey, roomId);
    const socket = await fixture.raw(`/sync/${roomId}?ticket=${body.ticket}`);
    await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'facilitator');
    expect(await socket.closed).toEqual(REVOKED);
  });

  it('refuses a ticket for a wrong key (401), a rotated key (410), and without a key or room (401)', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    expect((await askTicket(fixture.server.httpUrl, 'x'.repeat(24), roomId)).status).toBe(401);
    const links = await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'facilitator');
    expect((await askTicket(fixture.server.httpUrl, facilitatorKey, roomId)).status).toBe(410);
    expect((await askTicket(fixture.server.httpUrl, links.facilitatorKey, roomId)).status).toBe(201);
    const res = await fetch(`${fixture.server.httpUrl}/api/tickets`, { method: 'POST', body: JSON.stringify({}) });
    expect(res.status).toBe(401);
  });

  it('gives the open participant link a keyless ticket (for its seat) until the participant link is rotated', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    const ask = () => fetch(`${fixture.server.httpUrl}/api/tickets`, { method: 'POST', body: JSON.stringify({ roomId, seat: 'a-seat-secret-of-22-chars' }) });
    const open = await ask();
    expect(open.status).toBe(201);
    expect(await open.json()).toMatchObject({ roomId, role: 'participant' });
    await rotate(fixture.server.httpUrl, roomId, facilitatorKey, 'participant');
    expect((await ask()).status).toBe(410);
  });
});

/** A stock provider on the control document whose URL carries a ticket instead of a key. */
function ticketControlClient(roomId: string, ticket: string) {
  const control = new ControlDoc(new Y.Doc());
  const provider = new WebsocketProvider(`${fixture.server.wsUrl}/sync`, `${roomId}/control`, control.ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ticket },
    disableBc: true,
  });
  fixture.onTearDown(() => {
    provider.destroy();
    control.ydoc.destroy();
  });
  return { control, provider };
}
