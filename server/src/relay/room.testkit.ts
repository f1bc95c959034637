import type { Role } from '../access.ts';
import type { DocName } from '../store/roomStore.ts';
import type { CloseName } from './protocol.ts';
import type { Peer, RoomLimits } from './room.ts';
import type { SeatRef } from './seatBook.ts';

/** A peer without a socket: it records what the room sends it and how the room closes it. */
export class FakePeer implements Peer {
  readonly sent: Uint8Array[] = [];
  seat?: SeatRef;
  readonly closes: CloseName[] = [];
  readonly faults: { err: unknown; op: string }[] = [];
  constructor(
    readonly role: Role,
    readonly docName: DocName,
    readonly address = '127.0.0.1',
    readonly seatSecret?: string,
    readonly speaksRequests = false,
  ) {}
  send(message: Uint8Array): void {
    this.sent.push(message);
  }
  close(name: CloseName): void {
    this.closes.push(name);
  }
  requestFailed(err: unknown, op: string): void {
    this.faults.push({ err, op });
  }
}

/** Room limits for tests: roomy by default, each overridable. */
export function testLimits(overrides: Partial<RoomLimits> = {}): RoomLimits {
  return {
    maxDocBytes: 1_000_000,
    compactAfterUpdates: 500,
    maxConnectionsPerRoom: 10,
    maxConnectionsPerRoomPerIp: 10,
    maxPresenceBytes: 8192,
    presenceBytesPerSecond: 16 * 1024,
    ...overrides,
  };
}
