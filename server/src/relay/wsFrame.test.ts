import type { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { binaryFrame } from './wsFrame.ts';

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
