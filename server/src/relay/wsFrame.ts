import * as ws from 'ws';

/** ws's frame builder (`Sender.frame`, exported by ws but not typed by @types/ws): the header, then the data. */
type FrameBuilder = (data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }) => Buffer[];
const frame: FrameBuilder = (ws as unknown as { Sender: { frame: FrameBuilder } }).Sender.frame;
const BINARY = 2;

/** Each message's frame, built the first time a connection writes it; a broadcast's message is one object for every peer. */
const framed = new WeakMap<Uint8Array, Buffer>();

/**
 * `message` as one complete websocket binary frame (header and payload in one buffer), built once
 * per message object. A server's frames are not masked, so the same bytes are valid on every
 * socket: a broadcast to 50 peers frames its message once instead of 50 times, and each socket
 * writes one buffer per message instead of a header and a payload (the profile of scenario 3 had
 * ws's per-socket framing at 8 % of the server's busy time, most of it allocating headers).
 */
export function binaryFrame(message: Uint8Array): Buffer {
  let bytes = framed.get(message);
  if (!bytes) {
    const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    bytes = Buffer.concat(frame(data, { fin: true, opcode: BINARY, mask: false, readOnly: true, rsv1: false }));
    framed.set(message, bytes);
  }
  return bytes;
}

/** Each run of messages' frames, kept by its first message: the last run seen that started with it. */
const runs = new WeakMap<Uint8Array, { messages: readonly Uint8Array[]; frames: Buffer }>();

/**
 * `messages` as their frames back to back, in one buffer, built once per run of message objects:
 * in a busy room every peer's turn holds the same broadcasts in the same order, so the first
 * socket builds the buffer and the others write it as it is. A socket then makes one write per
 * turn, where a write per message made Node gather them with `writev` (with the per-chunk stream
 * work before it: 9 % of scenario 1's busy samples in `writev` alone).
 */
export function framesOf(messages: readonly Uint8Array[]): Buffer {
  const first = messages[0];
  if (first === undefined) return Buffer.alloc(0);
  if (messages.length === 1) return binaryFrame(first);
  const known = runs.get(first);
  if (known && sameMessages(known.messages, messages)) return known.frames;
  const frames = Buffer.concat(messages.map(binaryFrame));
  runs.set(first, { messages, frames });
  return frames;
}

function sameMessages(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
