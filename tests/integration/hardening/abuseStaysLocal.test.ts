import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../helpers/clients.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { awarenessMessage, captureUpdate, RawClient, updateMessage } from '../../helpers/rawSocket.ts';
import { createRoom } from '../../helpers/server.ts';
import { clearPadding, pad, padCount } from '../../helpers/padding.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';
import * as encoding from 'lib0/encoding';

// Each test starts from an attack that used to work against everyone, and shows that it now
// costs only the attacker: its address, its connection.

const fixture = useServerWithRoom({ startInTest: true });
/** A server with no room made for it: with CREATE_ROOM_TOKEN set the fixture could not make one. */
const bare = useServerWithRoom({ startInTest: true, room: false });

/** The attacker's machine: every test client else connects from 127.0.0.1. */
const ATTACKER = '127.0.0.2';

function rawFromAttacker(path: string): Promise<RawClient> {
  return RawClient.open(`${fixture.server.wsUrl}${path}`, { localAddress: ATTACKER });
}

describe('per-address limits', () => {
  it('MAX_CONNECTIONS_PER_ROOM_PER_IP: one address cannot hold every seat of a room; others still join and sync', async () => {
    await fixture.start({ maxConnectionsPerRoom: 6, maxConnectionsPerRoomPerIp: 3 });
    const path = `/sync/${fixture.room.roomId}`;
    const held = [await rawFromAttacker(path), await rawFromAttacker(path), await rawFromAttacker(path)];
    fixture.onTearDown(() => held.forEach((socket) => socket.terminate()));
    const fourth = await rawFromAttacker(path);
    expect(await fourth.closed).toEqual({ code: 4529, reason: 'too many connections to this room from your address' });
    expect(held.every((socket) => socket.isOpen)).toBe(true);

    const [a, b] = [fixture.board(), fixture.board()];
    await Promise.all([a.synced, b.synced]);
    a.board.addCandidate({ text: 'Checkout feels effortless' });
    await eventually(() => b.board.candidates.list().length === 1, 'honest clients from another address sync');
  });

  it('MAX_ROOMS_LOADED_PER_IP: one address cannot fill the server with its rooms (1013); other addresses still load theirs', async () => {
    await fixture.start({ maxRoomsLoaded: 10, maxRoomsLoadedPerIp: 2 });
    const own = [await createRoom(fixture.server.httpUrl), await createRoom(fixture.server.httpUrl), await createRoom(fixture.server.httpUrl)];
    const first = await rawFromAttacker(`/sync/${own[0]!.roomId}`);
    const second = await rawFromAttacker(`/sync/${own[1]!.roomId}`);
    fixture.onTearDown(() => [first, second].forEach((socket) => socket.terminate()));
    const third = await rawFromAttacker(`/sync/${own[2]!.roomId}`);
    expect(await third.closed).toEqual({ code: 1013, reason: 'server busy, try again later' });
    expect(await first.roundTrip()).toBe('alive');

    const [a, b] = [fixture.board(), fixture.board()];
    await Promise.all([a.synced, b.synced]);
    a.board.addCandidate({ text: 'Still our workshop' });
    await eventually(() => b.board.candidates.list().length === 1, 'a room from another address loads and syncs');
    // A room the attacker's address already has loaded is open to it: the cap counts rooms, not connections.
    expect(await (await rawFromAttacker(`/sync/${own[0]!.roomId}`)).closedWithin(200)).toBeNull();
  });
});

describe('per-connection limits', () => {
  it('MAX_EDIT_BYTES_PER_MINUTE: a connection past its budget is throttled (held, not refused) while others’ edits flow', async () => {
    const budget = 120 * 1024;
    await fixture.start({ maxEditBytesPerMinute: budget });
    const watcher = fixture.board();
    const writer = fixture.board();
    await Promise.all([watcher.synced, writer.synced]);
    const blobs = () => padCount(watcher.board.ydoc);

    const flooder = await fixture.raw();
    const doc = new Y.Doc();
    const updates = Array.from({ length: 60 }, (_, i) => captureUpdate(doc, () => pad(doc, `b${i}`, 4 * 1024)));
    const flood = updates.map(updateMessage);
    const size = updates[1]!.byteLength;
    const atOnce = Math.floor(budget / size);
    /** How many of the flood's updates a full bucket and `ms` of its refill pay for, in order. */
    const passedWithin = (ms: number) => {
      let allowance = budget + (ms * budget) / 60_000;
      let count = 0;
      for (const update of updates) {
        if (update.byteLength > allowance) break;
        allowance -= update.byteLength;
        count++;
      }
      return count;
    };
    const sentAt = performance.now();
    flooder.sendBurst(flood);
    writer.board.addCandidate({ text: 'An honest card' });
    await eventually(() => watcher.board.candidates.list().length === 1, 'the honest edit arrives at once');
    // A full bucket takes `atOnce` of the 4 KiB updates; the rest wait for it to refill (2 KiB a
    // second). The refill since the burst counts too: under load the honest edit can take long
    // enough to arrive that one more update was paid for (28 of 27 at load 30, every time).
    const passed = blobs();
    const passable = passedWithin(performance.now() - sentAt);
    expect(passed, `updates through ${passable} allowed by a full bucket and its refill since the burst`).toBeLessThanOrEqual(passable);
    expect(passed).toBeLessThan(flood.length);
    expect(flooder.isOpen).toBe(true);
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_edits_throttled_total')).toBeGreaterThan(0);

    const later = atOnce + 3;
    await eventually(() => blobs() >= later, 'the held updates go through as the budget refills', 20_000);
    const refillMs = ((later * size - budget) / budget) * 60_000;
    expect(performance.now() - sentAt).toBeGreaterThan(refillMs * 0.9);
    expect(blobs()).toBeLessThan(flood.length);
    expect(flooder.isOpen).toBe(true);
    // The flooder's budget is its own: anyone else can still clean the board.
    const cleaner = fixture.board();
    await cleaner.synced;
    clearPadding(cleaner.board.ydoc);
    await eventually(() => blobs() === 0, 'a deletion passes');
  }, 30_000);

  it('MAX_EDIT_BYTES_PER_MINUTE: deletions pay like any edit, so a flood of them is held too (they passed free: any number a second, each decoded and applied)', async () => {
    const budget = 120 * 1024;
    await fixture.start({ maxEditBytesPerMinute: budget });
    const watcher = await fixture.raw();
    const flooder = await fixture.raw();
    // The flooder's own 300 cards, then deletion-only updates naming every one of their items
    // (range by range): the first deletes them, each copy after it deletes nothing new.
    const doc = new Y.Doc();
    const cards = captureUpdate(doc, () => Array.from({ length: 300 }, (_, i) => pad(doc, `d${i}`, 1)));
    flooder.send(updateMessage(cards));
    await eventually(() => watcher.received.length > 1, 'the cards arrive');
    const items = Y.getState(doc.store, doc.clientID);
    const flood = Array.from({ length: 60 }, () => updateMessage(deletionOnlyUpdate(doc.clientID, items)));
    const floodBytes = flood.reduce((sum, frame) => sum + frame.byteLength, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const greeted = watcher.received.length;
    const sentAt = performance.now();
    flooder.sendBurst(flood);
    await eventually(() => watcher.received.length > greeted, 'a full bucket of deletions goes through');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const relayed = watcher.received.slice(greeted).reduce((sum, frame) => sum + frame.byteLength, 0);
    const allowance = budget + ((performance.now() - sentAt) * budget) / 60_000;
    expect(floodBytes).toBeGreaterThan(2 * budget);
    expect(relayed, `deletion bytes relayed within a full bucket and its refill (${Math.round(allowance)})`).toBeLessThanOrEqual(allowance + flood[0]!.byteLength);
    expect(flooder.isOpen).toBe(true);
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_edits_throttled_total')).toBeGreaterThan(0);
  });

  it('MAX_PRESENCE_BYTES: an oversized presence state closes that socket only (1009 "presence state too big")', async () => {
    await fixture.start({});
    const honest = fixture.board();
    const watcher = fixture.board();
    await Promise.all([honest.synced, watcher.synced]);

    const big = await fixture.raw();
    big.send(awarenessMessage([{ clientId: 9001, clock: 1, state: JSON.stringify({ user: { name: 'x'.repeat(900 * 1024) } }) }]));
    expect(await big.closed).toEqual({ code: 1009, reason: 'presence state too big' });
    expect(watcher.provider.awareness.getStates().has(9001)).toBe(false);

    honest.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#123456' });
    await eventually(() => watcher.provider.awareness.getStates().get(honest.provider.doc.clientID)?.user?.name === 'Ana', 'honest presence still flows');
    expect(honest.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
  });

  it('PRESENCE_BYTES_PER_SECOND: a fast presence sender is held to its budget, so an honest client receives bounded bytes', async () => {
    const perSecond = 16 * 1024;
    await fixture.start({ presenceBytesPerSecond: perSecond });
    const honest = await fixture.raw();
    const flooder = await fixture.raw();
    const filler = 'x'.repeat(6 * 1024);
    const frames = Array.from({ length: 300 }, (_, i) => awarenessMessage([{ clientId: 7007, clock: i + 1, state: JSON.stringify({ user: { name: `flood ${i}`, filler } }) }]));
    const sentBytes = frames.reduce((sum, frame) => sum + frame.byteLength, 0);

    const started = performance.now();
    for (let i = 0; i < frames.length; i += 30) {
      flooder.sendBurst(frames.slice(i, i + 30));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const lastState = Buffer.from('flood 299');
    await eventually(() => honest.received.some((message) => Buffer.from(message).includes(lastState)), 'the latest state arrives');
    const elapsed = performance.now() - started;

    const receivedBytes = honest.received.reduce((sum, message) => sum + message.byteLength, 0);
    // A second's worth at once, then the refill rate, and one state over (the one that emptied the
    // bucket), whatever the sender does; each state carries its stamp and framing on top.
    const states = Math.floor((perSecond * (1 + elapsed / 1000)) / filler.length) + 1;
    expect(receivedBytes).toBeLessThanOrEqual(states * (filler.length + 256));
    expect(receivedBytes).toBeLessThan(sentBytes / 5);
    expect(flooder.isOpen).toBe(true);
  });
});

describe('room creation', () => {
  const post = (headers: Record<string, string> = {}, server = fixture.server) =>
    fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });

  it('MAX_ROOMS_CREATED_PER_IP_PER_HOUR: past it, 429 with Retry-After; the rooms made still work', async () => {
    await fixture.start({ maxRoomsCreatedPerIpPerHour: 3 });
    // The fixture's own room was the first.
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await refused.json()).toEqual({ error: 'too_many_rooms', message: expect.stringContaining('too many rooms') });
    const member = fixture.board();
    await member.synced;
    expect(member.provider.wsconnected).toBe(true);
  });

  it('CREATE_ROOM_TOKEN: without it (or with a wrong one) 401; with it 201', async () => {
    const token = 'workshop-team-token';
    const server = await bare.start({ createRoomToken: token });
    const missing = await post({}, server);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'create_token_required', message: expect.stringContaining('Authorization: Bearer') });
    expect((await post({ Authorization: 'Bearer not-the-token' }, server)).status).toBe(401);
    const made = await post({ Authorization: `Bearer ${token}` }, server);
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ roomId: expect.any(String), facilitatorKey: expect.any(String) });
  });
});

/** A Yjs update (v1) that only deletes clocks 0 to `clocks` - 1 of `client`, one clock per range: no structs. */
function deletionOnlyUpdate(client: number, clocks: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clocks);
  for (let clock = 0; clock < clocks; clock++) {
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint(encoder, 1);
  }
  return encoding.toUint8Array(encoder);
}
