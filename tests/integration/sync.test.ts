import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRoom } from '../helpers/server.ts';
import { eventually, sameState } from '../helpers/clients.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

// Each test makes its own rooms: one of them checks that none exists before it asks for one.
const fixture = useServerWithRoom({ room: false });
const open = (roomId: string, key?: string) => fixture.board({ roomId, key });

describe('sync through the relay', () => {
  it('two clients converge', async () => {
    const room = await createRoom(fixture.server.httpUrl);
    const a = open(room.roomId, room.facilitatorKey);
    const b = open(room.roomId);
    await Promise.all([a.synced, b.synced]);
    a.board.addContextItem({ kind: 'mission', text: 'from A' });
    b.board.addContextItem({ kind: 'metric', text: 'from B' });
    await eventually(() => a.board.contextItems.list().length === 2 && b.board.contextItems.list().length === 2, 'both cards on both clients');
    expect(sameState(a.board.ydoc, b.board.ydoc)).toBe(true);
    expect(a.board.workshop().title).toBe('Test workshop');
  });

  it('a late joiner gets everything', async () => {
    const room = await createRoom(fixture.server.httpUrl);
    const a = open(room.roomId);
    await a.synced;
    for (let i = 0; i < 50; i++) a.board.addCandidate({ text: `candidate ${i}` });
    await eventually(() => fixture.server.store.loadDoc(room.roomId, 'board').updates.length > 1, 'updates stored');
    const late = open(room.roomId);
    await late.synced;
    await eventually(() => late.board.candidates.list().length === 50, 'late joiner has all 50 cards');
    expect(late.board.candidates.list().map((c) => c.text)).toEqual(a.board.candidates.list().map((c) => c.text));
  });

  it('edits made offline sync after reconnect, both ways', async () => {
    const room = await createRoom(fixture.server.httpUrl);
    const a = open(room.roomId);
    const b = open(room.roomId);
    const witness = open(room.roomId);
    await Promise.all([a.synced, b.synced, witness.synced]);
    a.provider.disconnect();
    a.board.addCandidate({ text: 'written on the train' });
    b.board.addCandidate({ text: 'written in the room' });
    // Once the relay has let A go it has handled all A sent; a later edit reaching B comes after
    // anything of A's it let through.
    await eventually(() => fixture.server.relayConnections() === 2, 'the relay has let A go');
    witness.board.addContextItem({ kind: 'mission', text: 'witness' });
    await eventually(() => b.board.contextItems.list().length === 1, 'the witness\'s edit reaches B');
    expect(b.board.candidates.list().map((c) => c.text)).toEqual(['written in the room']);
    a.provider.connect();
    await eventually(() => a.board.candidates.list().length === 2 && b.board.candidates.list().length === 2, 'offline edit and missed edit both arrive');
    expect(sameState(a.board.ydoc, b.board.ydoc)).toBe(true);
  });

  it('refuses unknown and malformed rooms, and connecting never creates a room', async () => {
    const status = (path: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${fixture.server.wsUrl}${path}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => undefined);
      });
    expect(await status('/sync/AAAAAAAAAAAAAAAAAAAAAAAA')).toBe(404);
    expect(await status('/sync/../etc')).toBe(404);
    expect(await status('/sync/short')).toBe(400);
    expect(await status('/elsewhere')).toBe(404);
    expect(fixture.server.store.listRooms()).toHaveLength(0);
    const room = await createRoom(fixture.server.httpUrl);
    expect(await status(`/sync/${room.roomId}?key=AAAAAAAAAAAAAAAAAAAAAAAA`)).toBe(403);
    expect(await status(`/sync/${room.roomId}`)).toBe(101);
  });

  it('a malformed frame closes only its own connection and the room keeps syncing', async () => {
    const room = await createRoom(fixture.server.httpUrl);
    const a = open(room.roomId);
    const b = open(room.roomId);
    await Promise.all([a.synced, b.synced]);
    const bad = new WebSocket(`${fixture.server.wsUrl}/sync/${room.roomId}`);
    await new Promise((resolve) => bad.once('open', resolve));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => bad.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    // Sync message, "update" sub-type, a length far beyond the bytes that follow.
    bad.send(Buffer.from([0, 2, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]));
    expect(await closed).toEqual({ code: 1007, reason: 'malformed message' });
    a.board.addContextItem({ kind: 'mission', text: 'still syncing' });
    await eventually(() => b.board.contextItems.list().length === 1, 'b receives the edit after the bad frame');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });
});
