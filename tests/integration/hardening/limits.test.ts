import http from 'node:http';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoom } from '../../helpers/server.ts';
import { eventually } from '../../helpers/clients.ts';
import { captureUpdate, tryUpgrade, updateMessage } from '../../helpers/rawSocket.ts';
import { pad, padCount } from '../../helpers/padding.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// Every limit of README "Configuration", set low, hit, and answered with its close code and reason
// or HTTP status, while everyone else carries on.

// Each test sets its own limit, so each starts its server itself.
const fixture = useServerWithRoom({ startInTest: true });
const start = fixture.start;
const board = (roomId: string) => fixture.board({ roomId });
const raw = (path: string) => fixture.raw(path);

/** A sync update carrying `bytes` of text as valid filler cards. */
function bigUpdate(bytes: number, doc = new Y.Doc()): Uint8Array {
  return updateMessage(captureUpdate(doc, () => pad(doc, `b${padCount(doc)}`, bytes)));
}

describe('limits', () => {
  it('MAX_MESSAGE_BYTES: a bigger message closes that connection only (1009 "message too big"); one just under passes', async () => {
    await start({ maxMessageBytes: 64 * 1024 });
    const room = fixture.room;
    const [a, b] = [board(room.roomId), board(room.roomId)];
    await Promise.all([a.synced, b.synced]);

    const under = await raw(`/sync/${room.roomId}`);
    under.send(bigUpdate(60 * 1024));
    const over = await raw(`/sync/${room.roomId}`);
    over.send(bigUpdate(70 * 1024));

    expect(await over.closed).toEqual({ code: 1009, reason: 'message too big' });
    await eventually(() => padCount(b.board.ydoc) === 1, 'the message under the limit reached the others');
    expect(under.isOpen).toBe(true);
    a.board.addContextItem({ kind: 'mission', text: 'still syncing' });
    await eventually(() => b.board.contextItems.list().some((item) => item.text === 'still syncing'), 'the room keeps syncing');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('MAX_DOC_BYTES: an edit that would grow the document past it is refused (4413 "room document is full"); the room still loads', async () => {
    await start({ maxDocBytes: 48 * 1024 });
    const room = fixture.room;
    const watcher = board(room.roomId);
    await watcher.synced;
    const writer = await raw(`/sync/${room.roomId}`);
    const doc = new Y.Doc();
    let sent = 0;
    while (writer.isOpen && sent < 20) {
      writer.send(bigUpdate(10 * 1024, doc));
      sent++;
      await writer.closedWithin(50);
    }
    expect(await writer.closed).toEqual({ code: 4413, reason: 'room document is full' });
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(watcher.provider.wsconnected).toBe(true);
    const late = board(room.roomId);
    await late.synced;
    await eventually(() => padCount(late.board.ydoc) === padCount(watcher.board.ydoc), 'a late joiner loads the full room');
    expect(padCount(late.board.ydoc)).toBeGreaterThanOrEqual(3);
  });

  it('MAX_CONNECTIONS_PER_ROOM: one more connection to a document is closed with 4529 "room is full, try again later"', async () => {
    await start({ maxConnectionsPerRoom: 3 });
    const room = fixture.room;
    const members = [board(room.roomId), board(room.roomId), board(room.roomId)];
    await Promise.all(members.map((m) => m.synced));
    const extra = await raw(`/sync/${room.roomId}`);
    expect(await extra.closed).toEqual({ code: 4529, reason: 'room is full, try again later' });
    // The cap counts people: each holds one connection per document, so the control document has room.
    const control = fixture.control();
    await control.synced;
    members[0]!.destroy();
    await eventually(() => fixture.server.relayConnections() === 3, 'a member left');
    const next = await raw(`/sync/${room.roomId}`);
    expect(await next.closedWithin(300)).toBeNull();
  });

  it('MAX_CONNECTIONS_PER_IP_PER_MINUTE: further upgrades from that address get HTTP 429 with a JSON reason', async () => {
    await start({ maxConnectionsPerIpPerMinute: 4 });
    const room = fixture.room;
    const url = `${fixture.server.wsUrl}/sync/${room.roomId}`;
    for (let i = 0; i < 4; i++) expect((await tryUpgrade(url)).status).toBe(101);
    const refused = await tryUpgrade(url);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(JSON.parse(refused.body)).toEqual({ error: 'refused', message: expect.stringContaining('too many new connections') });
    // The HTTP API is not websocket upgrades: it still answers.
    expect((await fetch(`${fixture.server.httpUrl}/healthz`)).status).toBe(200);
  });

  it('MAX_REFUSED_UPDATES_PER_IP_PER_MINUTE: an address whose updates keep being rolled back waits (429); others carry on', async () => {
    await start({ maxRefusedUpdatesPerIpPerMinute: 2 });
    const room = fixture.room;
    const honest = board(room.roomId);
    await honest.synced;
    // Each out-of-schema update is applied, found wrong and rolled back: a rebuild of the document.
    for (let i = 0; i < 2; i++) {
      const hostile = await raw(`/sync/${room.roomId}`);
      const doc = new Y.Doc();
      hostile.send(updateMessage(captureUpdate(doc, () => doc.getMap('candidates').set(`c${i}`, 'not a record'))));
      expect(await hostile.closed).toMatchObject({ code: 4422 });
    }
    const refused = await tryUpgrade(`${fixture.server.wsUrl}/sync/${room.roomId}`);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ error: 'refused', message: expect.stringContaining('too many refused updates') });
    // Connections already open are not this limit's business.
    honest.board.addContextItem({ kind: 'mission', text: 'still syncing' });
    await eventually(() => fixture.server.registry.get(room.roomId)!.board.ydoc.getMap('contextItems').size === 1, 'the honest edit applies');
    expect(honest.provider.wsconnected).toBe(true);
  });

  it('MAX_ROOMS_LOADED: a room past the cap is closed with 1013 "server busy, try again later" until another unloads', async () => {
    await start({ maxRoomsLoaded: 2, roomIdleMs: 100 });
    const [r1, r2, r3] = [fixture.room, await createRoom(fixture.server.httpUrl), await createRoom(fixture.server.httpUrl)];
    const one = board(r1.roomId);
    const two = board(r2.roomId);
    await Promise.all([one.synced, two.synced]);
    const third = await raw(`/sync/${r3.roomId}`);
    expect(await third.closed).toEqual({ code: 1013, reason: 'server busy, try again later' });
    one.destroy();
    await eventually(() => fixture.server.registry.loadedCount() === 1, 'the empty room unloads after ROOM_IDLE_MS');
    const retry = await raw(`/sync/${r3.roomId}`);
    expect(await retry.closedWithin(300)).toBeNull();
  });

  describe('MAX_HTTP_BODY_BYTES: a bigger body gets 413 with a JSON error', () => {
    const post = (body: string, chunked: boolean) =>
      new Promise<{ status: number; json: unknown }>((resolve, reject) => {
        const req = http.request(`${fixture.server.httpUrl}/api/rooms`, {
          method: 'POST',
          headers: chunked ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        });
        // The server answers before reading everything and closes: the rest of the upload may fail.
        req.on('error', (err) => (req.headersSent ? undefined : reject(err)));
        if (chunked) {
          for (let i = 0; i < body.length; i += 256) req.write(body.slice(i, i + 256));
          req.end();
        } else req.end(body);
      });
    const tooBig = JSON.stringify({ title: 'x'.repeat(4096) });

    it.each([
      ['with a Content-Length', false],
      ['streamed in chunks without one', true],
    ])('%s', async (_name, chunked) => {
      await start({ maxHttpBodyBytes: 1024 });
      const answer = await post(tooBig, chunked);
      expect(answer).toEqual({ status: 413, json: { error: 'body_too_large', message: 'Request bodies are limited to 1024 bytes.' } });
      expect((await post(JSON.stringify({ title: 'fits' }), chunked)).status).toBe(201);
    });
  });
});
