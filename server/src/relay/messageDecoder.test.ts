import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { decodeMessage, MalformedMessageError, type RelayEvent } from './messageDecoder.ts';
import { MESSAGE, SYNC } from './protocol.ts';

function frame(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else if (typeof part === 'string') encoding.writeVarString(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

const bytes = new Uint8Array([7, 8, 9]);

describe('decodeMessage', () => {
  const cases: [string, Uint8Array, RelayEvent][] = [
    ['sync step 1', frame(MESSAGE.sync, SYNC.step1, bytes), { kind: 'syncRequest', stateVector: bytes }],
    ['sync step 2', frame(MESSAGE.sync, SYNC.step2, bytes), { kind: 'update', update: bytes }],
    ['sync update', frame(MESSAGE.sync, SYNC.update, bytes), { kind: 'update', update: bytes }],
    ['awareness', frame(MESSAGE.awareness, bytes), { kind: 'presence', update: bytes }],
    ['query awareness', frame(MESSAGE.queryAwareness), { kind: 'presenceQuery' }],
    ['auth (ignored, nothing more read)', frame(MESSAGE.auth), { kind: 'auth' }],
    ['room request', frame(MESSAGE.request, '{"id":1}'), { kind: 'request', json: '{"id":1}' }],
    ['room request (any text: the room parses it)', frame(MESSAGE.request, 'not json'), { kind: 'request', json: 'not json' }],
    ['trailing bytes ignored', frame(MESSAGE.queryAwareness, 5, 5), { kind: 'presenceQuery' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decodeMessage(input)).toEqual(expected);
  });

  const malformed: [string, Uint8Array, RegExp][] = [
    ['unknown message type', frame(9), /unknown message type 9/],
    ['unknown message type next to ours', frame(101), /unknown message type 101/],
    ['unknown sync message', frame(MESSAGE.sync, 7, bytes), /unknown sync message 7/],
  ];
  it.each(malformed)('refuses an %s', (_name, input, message) => {
    expect(() => decodeMessage(input)).toThrow(MalformedMessageError);
    expect(() => decodeMessage(input)).toThrow(message);
  });

  const truncated: [string, Uint8Array][] = [
    ['an empty frame', new Uint8Array()],
    ['a sync message without its kind', frame(MESSAGE.sync)],
    ['a sync step 1 without its state vector', frame(MESSAGE.sync, SYNC.step1)],
    ['an update shorter than its length says', frame(MESSAGE.sync, SYNC.update, 10)],
    ['an awareness message without its update', frame(MESSAGE.awareness)],
    ['a room request without its text', frame(MESSAGE.request)],
    ['a room request shorter than its length says', frame(MESSAGE.request, 10)],
  ];
  it.each(truncated)('throws on %s', (_name, input) => {
    expect(() => decodeMessage(input)).toThrow();
  });
});
