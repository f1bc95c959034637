import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { checkPresenceSize, decodePresence, PresenceTooBigError, stampPresence } from './presence.ts';

describe('stampPresence', () => {
  const seat = (name = '') => ({ id: 'seat-ana', name, role: 'participant' });
  it.each([
    ['a departure stays a departure', null, seat(), null],
    ['a claimed facilitator role becomes the connection’s', { user: { name: 'Ana', role: 'facilitator' } }, seat(), { seatId: 'seat-ana', user: { name: 'Ana', role: 'participant' } }],
    ['an unnamed seat keeps the claimed name', { user: { name: 'Ana' }, ready: { a: true } }, seat(), { seatId: 'seat-ana', user: { name: 'Ana', role: 'participant' }, ready: { a: true } }],
    ['a named seat’s name is shown', { user: { name: 'The CEO' } }, seat('Ana Lima'), { seatId: 'seat-ana', user: { name: 'Ana Lima', role: 'participant' } }],
    ['a forged seat id is replaced', { seatId: 'seat-bo', cursor: { x: 1 } }, seat(), { seatId: 'seat-ana', cursor: { x: 1 } }],
    ['a user that is not an object is left alone', { user: 'Ana' }, seat(), { seatId: 'seat-ana', user: 'Ana' }],
  ])('%s', (_name, state, who, expected) => {
    expect(stampPresence(state, who)).toEqual(expected);
  });
});

describe('presence sizes, measured on the JSON as sent', () => {
  const update = (json: string) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, json);
    return encoding.toUint8Array(encoder);
  };
  it.each([
    ['ASCII counts one byte a character', '{"a":1}', 7],
    ['a non-ASCII character counts its UTF-8 bytes', '{"n":"é"}', 10],
    ['whitespace as sent counts', '{ "a" : 1 }', 11],
    ['a departure', 'null', 4],
  ])('%s', (_name, json, bytes) => {
    const decoded = decodePresence(update(json));
    expect(decoded.map((entry) => entry.bytes)).toEqual([bytes]);
    expect(checkPresenceSize(decoded, bytes)).toEqual(new Map([[7, bytes]]));
    expect(() => checkPresenceSize(decoded, bytes - 1)).toThrow(PresenceTooBigError);
  });
});
