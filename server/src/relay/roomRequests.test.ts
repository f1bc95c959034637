import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RoomStore } from '../store/roomStore.ts';
import { RelayMetrics } from './metrics.ts';
import { MESSAGE } from './protocol.ts';
import { Room } from './room.ts';
import { FakePeer, testLimits } from './room.testkit.ts';
import { MalformedRequestError, RequestError, RoomRequests, defineOp } from './roomRequests.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openRoom(): Room {
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-requests-')));
  const room = new Room(store.createRoom('Requests').id, store, testLimits(), new RelayMetrics());
  cleanups.push(() => {
    room.unload();
    store.close();
  });
  return room;
}

/** The request-channel answers `peer` was sent, decoded. */
function answers(peer: FakePeer): unknown[] {
  return peer.sent.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === MESSAGE.request ? [JSON.parse(decoding.readVarString(decoder))] : [];
  });
}

const secretPath = '/srv/okr/server/src/relay/secret.ts:12';
const ops = new RoomRequests().register({
  echo: defineOp({ roles: ['participant', 'facilitator'], args: z.object({ n: z.number() }).strict(), run: (_ctx, { n }) => n }),
  refuse: defineOp({ roles: ['participant'], args: z.object({}), run: () => { throw new RequestError('cap-reached', 'No more.'); } }),
  crash: defineOp({ roles: ['participant'], args: z.object({}), run: () => { throw new TypeError(`cannot read properties of undefined at ${secretPath}`); } }),
  crashOdd: defineOp({ roles: ['participant'], args: z.object({}), run: () => { throw 'not even an Error'; } }),
});

describe('room request dispatch', () => {
  // [request frame, the answer it gets]
  const table: [string, string, unknown][] = [
    ['an op that answers', '{"id":1,"op":"echo","args":{"n":3}}', { id: 1, ok: true, result: 3 }],
    ['an unknown op', '{"id":2,"op":"nope"}', { id: 2, ok: false, error: { code: 'unknown-op', message: expect.any(String) } }],
    ['arguments outside the schema', '{"id":3,"op":"echo","args":{"n":"3"}}', { id: 3, ok: false, error: { code: 'invalid-args', message: expect.any(String) } }],
    ['a refusal of the op', '{"id":4,"op":"refuse"}', { id: 4, ok: false, error: { code: 'cap-reached', message: 'No more.' } }],
    ['an op that throws unexpectedly', '{"id":5,"op":"crash"}', { id: 5, ok: false, error: { code: 'internal', message: expect.stringContaining('crash') } }],
    ['an op that throws a non-Error', '{"id":"six","op":"crashOdd"}', { id: 'six', ok: false, error: { code: 'internal', message: expect.any(String) } }],
  ];

  it.each(table)('answers %s and keeps the connection', (_name, json, expected) => {
    const room = openRoom();
    const peer = new FakePeer('participant', 'control');
    room.join(peer);
    ops.handle(room, peer, json);
    expect(answers(peer)).toEqual([expected]);
    expect(peer.closes).toEqual([]);
  });

  it('logs an unexpected failure with the room and op, and tells the caller nothing of it', () => {
    const room = openRoom();
    const peer = new FakePeer('participant', 'control');
    room.join(peer);
    ops.handle(room, peer, '{"id":7,"op":"crash"}');
    expect(peer.faults).toEqual([{ err: expect.any(TypeError), op: 'crash' }]);
    expect(JSON.stringify(answers(peer))).not.toContain(secretPath);
    expect(JSON.stringify(answers(peer))).not.toContain('TypeError');
  });

  it.each([
    ['not JSON', '{"id":1,"op":"echo"'],
    ['JSON without an op', '{"id":1}'],
    ['an id that is neither a number nor a string', '{"id":{},"op":"echo"}'],
  ])('refuses a frame that is %s as malformed', (_name, json) => {
    const room = openRoom();
    const peer = new FakePeer('participant', 'control');
    room.join(peer);
    expect(() => ops.handle(room, peer, json)).toThrow(MalformedRequestError);
  });
});
