import type { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { binaryFrame, framesOf } from './wsFrame.ts';

// ws's client-side Receiver (exported by ws, not typed by @types/ws) reads what a browser would.
const { Receiver } = wsModule as unknown as { Receiver: new (options: { isServer: boolean }) => EventEmitter & { write(chunk: Uint8Array): boolean } };

function readBack(frames: Uint8Array[]): { data: Buffer; isBinary: boolean }[] {
  const receiver = new Receiver({ isServer: false });
  const got: { data: Buffer; isBinary: boolean }[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) => got.push({ data, isBinary }));
  receiver.on('error', (err: Error) => {
    throw err;
  });
  for (const frame of frames) receiver.write(frame);
  return got;
}

describe('binaryFrame', () => {
  // Every length encoding of RFC 6455: 7 bits, 16 bits (126+) and 64 bits (65,536+).
  it.each([0, 1, 125, 126, 65_535, 65_536])('a message of %i bytes is one binary frame a client reads back byte for byte', (length) => {
    const message = Uint8Array.from({ length }, (_, i) => i % 251);
    const got = readBack([binaryFrame(message)]);
    expect(got.map((m) => m.isBinary)).toEqual([true]);
    expect(got[0]!.data.equals(message)).toBe(true);
  });

  it('a view into a larger buffer frames only its own bytes', () => {
    const whole = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    expect(readBack([binaryFrame(whole.subarray(2, 5))])).toEqual([{ data: Buffer.from([1, 2, 3]), isBinary: true }]);
  });

  it('one message object is framed once, however many sockets write it; equal bytes in another object are framed apart', () => {
    const message = Uint8Array.from([0, 1, 2]);
    const first = binaryFrame(message);
    expect(binaryFrame(message)).toBe(first);
    expect(binaryFrame(Uint8Array.from([0, 1, 2]))).not.toBe(first);
    expect(readBack([first, binaryFrame(message)]).map((m) => [...m.data])).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });
});

describe('framesOf', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it.each([
    { name: 'one message', messages: [[1, 2, 3]] },
    { name: 'three messages, in order', messages: [[1], [2, 2], [3, 3, 3]] },
    { name: 'an empty message among others', messages: [[1], [], [2]] },
    { name: 'a message past 125 bytes (16-bit length) between short ones', messages: [[7], Array.from({ length: 300 }, (_, i) => i % 251), [8]] },
  ])('$name: one buffer a client reads back as the same messages, each a binary frame', ({ messages }) => {
    const got = readBack([framesOf(messages.map((m) => bytes(...m)))]);
    expect(got.map((m) => m.isBinary)).toEqual(messages.map(() => true));
    expect(got.map((m) => [...m.data])).toEqual(messages);
  });

  it('the same run of message objects is framed once for every socket; another run starting alike is framed apart', () => {
    const edit = bytes(0, 1);
    const presence = bytes(1, 2);
    const run = framesOf([edit, presence]);
    expect(framesOf([edit, presence])).toBe(run);
    const longer = framesOf([edit, presence, bytes(3)]);
    expect(longer).not.toBe(run);
    expect(readBack([longer]).map((m) => [...m.data])).toEqual([[0, 1], [1, 2], [3]]);
    expect(framesOf([edit])).toBe(binaryFrame(edit));
  });
});
