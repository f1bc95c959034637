import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { HttpError } from './json.ts';
import { RoomCreationGate } from './roomCreationGate.ts';

const from = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: {} }) as unknown as IncomingMessage;

async function answer(gate: RoomCreationGate, remoteAddress: string): Promise<number> {
  try {
    await gate.admit(from(remoteAddress), 0);
    return 201;
  } catch (err) {
    return (err as HttpError).status;
  }
}

describe('RoomCreationGate per address', () => {
  it('counts an IPv6 client by its /64, so rotating addresses inside it does not pass the hourly limit', async () => {
    const gate = new RoomCreationGate(undefined, 2);
    expect(await answer(gate, '2001:db8:1:2::a')).toBe(201);
    expect(await answer(gate, '2001:db8:1:2::b')).toBe(201);
    expect(await answer(gate, '2001:db8:1:2:ffff::c')).toBe(429);
    // Another network is another address.
    expect(await answer(gate, '2001:db8:1:3::a')).toBe(201);
  });

  it('counts an IPv4 address alike however the socket writes it', async () => {
    const gate = new RoomCreationGate(undefined, 1);
    expect(await answer(gate, '192.0.2.7')).toBe(201);
    expect(await answer(gate, '::ffff:192.0.2.7')).toBe(429);
    expect(await answer(gate, '192.0.2.8')).toBe(201);
  });
});
