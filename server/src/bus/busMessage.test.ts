import { describe, expect, it } from 'vitest';
import { decodeDocUpdate, decodePresenceMessage, encodeDocUpdate, encodePresenceMessage, type PresenceMessage } from './busMessage.ts';

describe('bus messages', () => {
  it.each([
    { instance: 'web-1', doc: 'board', seq: 1, update: new Uint8Array([0, 0]) },
    { instance: 'okr-7-abc', doc: 'control', seq: 2 ** 40, update: new Uint8Array(3000).fill(7) },
    { instance: 'x', doc: 'a-third-doc', seq: 12, update: new Uint8Array() },
  ])('$doc #$seq round-trips', (message) => {
    expect(decodeDocUpdate(encodeDocUpdate(message))).toEqual(message);
  });

  const good = encodeDocUpdate({ instance: 'web-1', doc: 'board', seq: 3, update: new Uint8Array([1, 2, 3]) });
  it.each([
    { name: 'empty', bytes: new Uint8Array() },
    { name: 'truncated', bytes: good.subarray(0, good.length - 1) },
    { name: 'trailing bytes', bytes: Buffer.concat([good, Buffer.from([9])]) },
    { name: 'another version', bytes: Buffer.concat([Buffer.from([2]), good.subarray(1)]) },
  ])('$name is refused', ({ bytes }) => {
    expect(() => decodeDocUpdate(bytes)).toThrow();
  });

  it.each<PresenceMessage>([
    { instance: 'web-1', kind: 'states', update: new Uint8Array([1, 2, 3]) },
    { instance: 'web-2', kind: 'query' },
  ])('presence $kind round-trips', (message) => {
    expect(decodePresenceMessage(encodePresenceMessage(message))).toEqual(message);
  });

  it.each([
    { name: 'unknown kind', bytes: new Uint8Array([1, 1, 0x61, 7]) },
    { name: 'states without bytes', bytes: new Uint8Array([1, 1, 0x61, 0]) },
    { name: 'query with trailing bytes', bytes: new Uint8Array([1, 1, 0x61, 1, 9]) },
  ])('presence: $name is refused', ({ bytes }) => {
    expect(() => decodePresenceMessage(bytes)).toThrow();
  });
});
