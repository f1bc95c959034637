import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import client from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import type { WebSocket } from 'ws';
import { BoardDoc, encodeState } from '@okr/shared/doc';
import { RoomStore } from '../store/roomStore.ts';
import { Connection, type ConnectionInfo } from './connection.ts';
import { RelayMetrics } from './metrics.ts';
import { encodePresence } from './presence.ts';
import { CLOSE } from './protocol.ts';
import { Room } from './room.ts';
import { FakePeer, testLimits } from './room.testkit.ts';
import { TurnFlusher } from './turnFlusher.ts';

/** One line per thing that reached the socket: cork, uncork, a message (its first byte and length), a close. */
type Wire = string[];

/**
 * A websocket and the socket under it that record what reaches them, in order. Messages are written
 * to the socket as frames: ws's own client-side Receiver reads them back, so each must be one
 * complete, valid binary frame.
 */
function fakeSocket(wire: Wire, onSend: (message: Uint8Array) => void = () => {}) {
  // ws's Receiver, exported by ws but not typed by @types/ws.
  const { Receiver } = wsModule as unknown as { Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Uint8Array): boolean } };
  const receiver = new Receiver({ isServer: false });
  receiver.on('message', (data: Buffer, isBinary: boolean) => {
    onSend(data);
    wire.push(`${isBinary ? 'send' : 'text'} ${data[0]}:${data.byteLength}`);
  });
  receiver.on('error', (err: Error) => wire.push(`bad frame: ${err.message}`));
  const ws = Object.assign(new EventEmitter(), {
    binaryType: 'arraybuffer',
    bufferedAmount: 0,
    readyState: 1,
    OPEN: 1,
    CLOSED: 3,
    close(code: number) {
      wire.push(`close ${code}`);
    },
    terminate() {
      wire.push('terminate');
    },
    ping() {},
    pong() {
      wire.push('pong');
    },
    pause() {},
    resume() {},
  });
  const socket = {
    writes: 0,
    cork: () => wire.push('cork'),
    uncork: () => wire.push('uncork'),
    write(chunk: Uint8Array) {
      this.writes++;
      return receiver.write(chunk);
    },
  };
  return { ws, socket };
}

const INFO: ConnectionInfo = { roomId: 'room', docName: 'board', role: 'participant', stillValid: () => true, address: '127.0.0.1' };
const turnEnds = () => new Promise((resolve) => setImmediate(resolve));
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

function openStore(): RoomStore {
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-connection-')));
  cleanups.push(() => store.close());
  return store;
}

function connect(flusher: TurnFlusher, wire: Wire, options: { maxBufferedBytes?: number; onSend?: (message: Uint8Array) => void } = {}) {
  const { ws, socket } = fakeSocket(wire, options.onSend);
  const gone: Connection[] = [];
  const connection = new Connection(ws as unknown as WebSocket, INFO, pino({ level: 'silent' }), new RelayMetrics(), options.maxBufferedBytes ?? 1_000_000, { frame: () => {}, gone: (c) => gone.push(c) }, socket, flusher);
  return { connection, ws, gone, socket };
}

const message = (tag: number, length: number) => new Uint8Array(length).fill(tag);

describe('Connection: one corked write per turn', () => {
  it.each([
    { name: 'one message', sends: [[1, 3]], wire: ['cork', 'send 1:3', 'uncork'], writes: 1 },
    { name: 'three messages, in the order sent', sends: [[1, 3], [2, 5], [3, 1]], wire: ['cork', 'send 1:3', 'send 2:5', 'send 3:1', 'uncork'], writes: 1 },
    { name: 'nothing', sends: [], wire: [], writes: 0 },
  ])('$name sent in a turn: nothing leaves before its end, then $wire in $writes write(s)', async ({ sends, wire: expected, writes }) => {
    const wire: Wire = [];
    const { connection, socket } = connect(new TurnFlusher(openStore()), wire);
    for (const [tag, length] of sends) connection.send(message(tag!, length!));
    expect(wire).toEqual([]);
    await turnEnds();
    expect(wire).toEqual(expected);
    expect(socket.writes).toBe(writes);
  });

  it('each turn is its own batch', async () => {
    const wire: Wire = [];
    const { connection } = connect(new TurnFlusher(openStore()), wire);
    connection.send(message(1, 1));
    await turnEnds();
    connection.send(message(2, 1));
    connection.send(message(3, 1));
    await turnEnds();
    expect(wire).toEqual(['cork', 'send 1:1', 'uncork', 'cork', 'send 2:1', 'send 3:1', 'uncork']);
  });

  it("a ping is answered in its place in the turn's batch, after what was sent before it", async () => {
    const wire: Wire = [];
    const { connection, ws, socket } = connect(new TurnFlusher(openStore()), wire);
    connection.send(message(1, 1));
    ws.emit('ping', Buffer.alloc(0));
    connection.send(message(2, 1));
    connection.send(message(3, 1));
    expect(wire).toEqual([]);
    await turnEnds();
    expect(wire).toEqual(['cork', 'send 1:1', 'pong', 'send 2:1', 'send 3:1', 'uncork']);
    // The messages before the pong, then those after it.
    expect(socket.writes).toBe(2);
  });

  it('a socket the client has begun closing gets no more messages (ws would refuse them), its pongs still go', async () => {
    const wire: Wire = [];
    const { connection, ws, gone } = connect(new TurnFlusher(openStore()), wire);
    connection.send(message(1, 1));
    ws.emit('ping', Buffer.alloc(0));
    ws.readyState = 2;
    await turnEnds();
    expect(wire).toEqual(['cork', 'pong', 'uncork']);
    expect(gone).toEqual([]);
  });

  it.each([
    { name: 'a close with a reason writes what was queued first', terminate: false, wire: ['send 1:2', 'send 2:2', `close ${CLOSE.revoked.code}`] },
    { name: 'a terminate drops it (the socket is going anyway)', terminate: true, wire: ['terminate'] },
  ])('$name', async ({ terminate, wire: expected }) => {
    const wire: Wire = [];
    const { connection, gone } = connect(new TurnFlusher(openStore()), wire);
    connection.send(message(1, 2));
    connection.send(message(2, 2));
    connection.close('revoked', { terminate });
    await turnEnds();
    expect(wire.filter((line) => line !== 'cork' && line !== 'uncork')).toEqual(expected);
    expect(gone).toEqual([connection]);
  });

  it('a client whose socket buffer and outbox pass the limit is cut off, and its outbox dropped', async () => {
    const wire: Wire = [];
    const { connection, ws, gone } = connect(new TurnFlusher(openStore()), wire, { maxBufferedBytes: 100 });
    ws.bufferedAmount = 60;
    connection.send(message(1, 30));
    connection.send(message(2, 30));
    expect(gone).toEqual([]);
    // 60 buffered and 60 queued: the next message finds more than 100 bytes waiting.
    connection.send(message(3, 30));
    await turnEnds();
    expect(wire).toEqual(['terminate']);
    expect(gone).toEqual([connection]);
  });
});

describe('a room turn through the TurnFlusher', () => {
  it("a turn's edit and presence reach each other peer in one batch, edit first, after the edit is stored", async () => {
    const store = openStore();
    const flusher = new TurnFlusher(store);
    const room = new Room(store.createRoom('Batch').id, store, testLimits(), new RelayMetrics(), flusher);
    cleanups.push(() => room.unload());
    const wire: Wire = [];
    const storedWhenSent: number[] = [];
    const { connection } = connect(flusher, wire, { onSend: () => storedWhenSent.push(store.loadDoc(room.id, 'board').updates.length) });
    room.join(connection);
    await turnEnds();
    wire.length = 0;
    storedWhenSent.length = 0;
    const storedBefore = store.loadDoc(room.id, 'board').updates.length;

    const writer = new FakePeer('participant', 'board');
    room.join(writer);
    const board = new BoardDoc();
    board.updateWorkshop({ title: 'one turn' });
    room.receive(writer, { kind: 'update', update: encodeState(board.ydoc) });
    room.receive(writer, { kind: 'presence', update: encodePresence([{ clientId: 7, clock: 1, state: { name: 'Writer' } }]) });
    expect(wire).toEqual([]);
    await turnEnds();

    // 0 is a sync message (the update), 1 a presence message.
    expect(wire).toEqual(['cork', expect.stringMatching(/^send 0:/), expect.stringMatching(/^send 1:/), 'uncork']);
    expect(storedWhenSent.every((count) => count > storedBefore)).toBe(true);
  });
});

describe('a request that fails inside the server', () => {
  it('is counted by op in okr_requests_failed_total, beside its log line', async () => {
    const registry = new client.Registry();
    const { ws, socket } = fakeSocket([]);
    const connection = new Connection(ws as unknown as WebSocket, INFO, pino({ level: 'silent' }), new RelayMetrics(registry), 1_000_000, { frame: () => {}, gone: () => {} }, socket, new TurnFlusher(openStore()));
    connection.requestFailed(new Error('store is full'), 'castBallot');
    connection.requestFailed(new Error('store is full'), 'castBallot');
    connection.requestFailed(new TypeError('bug'), 'offerCards');
    const { values } = await registry.getSingleMetric('okr_requests_failed_total')!.get();
    expect(values.map(({ labels, value }) => [labels.op, value])).toEqual([
      ['castBallot', 2],
      ['offerCards', 1],
    ]);
  });
});
