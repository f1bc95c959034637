import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodePresenceMessage, encodePresenceMessage } from '../../bus/busMessage.ts';
import { RoomStore } from '../../store/roomStore.ts';
import { RelayMetrics } from '../metrics.ts';
import { decodePresence, encodePresence } from '../presence.ts';
import { Room } from '../room.ts';
import { FakePeer, testLimits } from '../room.testkit.ts';
import { SharedPresence, type PresenceBus } from './sharedPresence.ts';

/** A bus that records what is published and lets the test deliver messages from other instances. */
class FakeBus implements PresenceBus {
  readonly published: { channel: string; message: Buffer }[] = [];
  readonly handlers = new Map<string, (message: Buffer) => void>();
  channel(kind: string, id: string): string {
    return `${kind}:${id}`;
  }
  publish(channel: string, message: Buffer): void {
    this.published.push({ channel, message });
  }
  async subscribe(channel: string, handler: (message: Buffer) => void): Promise<void> {
    this.handlers.set(channel, handler);
  }
  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
  }
  /** The presence states this instance published for `roomId`, as `id@clock` (`id gone` for a departure), one string per message. */
  states(roomId: string): string[] {
    return this.published
      .filter((p) => p.channel === this.channel('presence', roomId))
      .flatMap((p) => {
        const message = decodePresenceMessage(p.message);
        return message.kind === 'states' ? [notation(message.update)] : [];
      });
  }
  /** The largest message published for `roomId`'s presence: the budget may be passed by one. */
  largest(roomId: string): number {
    return Math.max(0, ...this.published.filter((p) => p.channel === this.channel('presence', roomId)).map((p) => p.message.length));
  }
  /** Bytes published for `roomId`'s presence. */
  bytes(roomId: string): number {
    return this.published.filter((p) => p.channel === this.channel('presence', roomId)).reduce((sum, p) => sum + p.message.length, 0);
  }
}

const notation = (update: Uint8Array) => decodePresence(update).map((e) => (e.state ? `${e.clientId}@${e.clock}` : `${e.clientId} gone`)).join(' ');

/** What a local client was sent of presence, in the same notation as FakeBus.states. */
function presenceSent(peer: FakePeer): string[] {
  return peer.sent.flatMap((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === 1 ? [notation(decoding.readVarUint8Array(decoder))] : [];
  });
}

const move = (clientId: number, clock: number, filler = '') => ({ kind: 'presence', update: encodePresence([{ clientId, clock, state: { cursor: { x: clock, y: clock }, filler } }]) }) as const;

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.useRealTimers();
});

/** Rooms whose turns end when the test says, all attached to one SharedPresence over a FakeBus. */
function setUp({ busBytesPerSecond, presenceBytesPerSecond = 16 * 1024 }: { busBytesPerSecond: number; presenceBytesPerSecond?: number }) {
  vi.useFakeTimers({ now: 0 });
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-shared-presence-')));
  const bus = new FakeBus();
  const presence = new SharedPresence(bus, pino({ level: 'silent' }), 'here', busBytesPerSecond);
  const tasks: (() => void)[] = [];
  const turns = { schedule: () => {}, later: (task: () => void) => tasks.push(task) };
  const rooms: Room[] = [];
  cleanups.push(() => {
    presence.stop();
    rooms.forEach((room) => room.unload());
    store.close();
  });
  const open = () => {
    const limits = testLimits({ presenceBytesPerSecond, maxConnectionsPerRoom: 50, maxConnectionsPerRoomPerIp: 50 });
    const room = new Room(store.createRoom('Shared presence').id, store, limits, new RelayMetrics(), turns);
    rooms.push(room);
    presence.attach(room);
    return room;
  };
  const join = (room: Room) => {
    const peer = new FakePeer('participant', 'board');
    room.join(peer);
    return peer;
  };
  /** Ends the turn: the rooms broadcast, then SharedPresence publishes (its own end of turn); `ms` later the next begins. */
  const turn = (ms = 0) => {
    tasks.splice(0).forEach((task) => task());
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(ms);
  };
  /** Delivers a message from another instance on the room's channel. */
  const fromOther = (room: Room, message: Parameters<typeof encodePresenceMessage>[0]) => bus.handlers.get(bus.channel('presence', room.id))?.(encodePresenceMessage(message));
  return { bus, presence, open, join, turn, fromOther };
}

describe('SharedPresence: what one instance publishes to the bus', () => {
  it('publishes its own people’s newest states once per turn, after the room broadcast them', () => {
    const { bus, open, join, turn } = setUp({ busBytesPerSecond: 64 * 1024 });
    const room = open();
    const [ana, ben] = [join(room), join(room)];
    for (const clock of [1, 2, 3]) room.receive(ana, move(11, clock));
    room.receive(ben, move(22, 1));
    expect(bus.states(room.id)).toEqual([]);
    turn();
    expect(bus.states(room.id)).toEqual(['11@3 22@1']);
  });

  it('carries what local clients see: a connection past its own budget is held before the bus too', () => {
    const { bus, open, join, turn } = setUp({ busBytesPerSecond: 64 * 1024, presenceBytesPerSecond: 1_000 });
    const room = open();
    const [ana, watcher] = [join(room), join(room)];
    for (let clock = 1; clock <= 100; clock++) {
      room.receive(ana, move(11, clock, 'x'.repeat(600)));
      turn(10);
    }
    turn(2_000);
    const seen = presenceSent(watcher);
    // One second of flood at ~600 bytes a state fits about three states in a 1,000 B/s budget.
    expect(seen.length).toBeLessThan(10);
    expect(bus.states(room.id)).toEqual(seen);
    expect(seen.at(-1)).toBe('11@100');
  });

  it('keeps a room within its bus budget under a flood from many connections, and loses no newest state', () => {
    const busBytesPerSecond = 8_000;
    const { bus, open, join, turn } = setUp({ busBytesPerSecond });
    const room = open();
    const peers = Array.from({ length: 8 }, () => join(room));
    // Two seconds of every connection moving every 10 ms, each within its own 16 KiB/s budget.
    for (let clock = 1; clock <= 200; clock++) {
      peers.forEach((peer, i) => room.receive(peer, move(100 + i, clock, 'x'.repeat(300))));
      turn(10);
    }
    // A second's worth at once, then the refill, then one message: at most 3 s' worth and a message in 2 s (unbounded it would be ~200 messages of ~2.8 KB).
    expect(bus.bytes(room.id)).toBeLessThanOrEqual(3 * busBytesPerSecond + bus.largest(room.id));
    turn(2_000);
    const newest = new Map<string, string>();
    for (const message of bus.states(room.id)) for (const entry of message.split(' ')) newest.set(entry.split('@')[0]!, entry);
    expect([...newest.values()].sort()).toEqual(peers.map((_, i) => `${100 + i}@200`).sort());
  });

  it('holds only the flooded room: another room’s every move goes out in its own turn', () => {
    const { bus, open, join, turn } = setUp({ busBytesPerSecond: 4_000 });
    const [flooded, calm] = [open(), open()];
    const flooders = Array.from({ length: 8 }, () => join(flooded));
    const cy = join(calm);
    for (let clock = 1; clock <= 50; clock++) {
      flooders.forEach((peer, i) => flooded.receive(peer, move(200 + i, clock, 'x'.repeat(400))));
      calm.receive(cy, move(33, clock));
      turn(50);
    }
    expect(bus.bytes(flooded.id)).toBeLessThanOrEqual(4_000 * (2.5 + 1) + bus.largest(flooded.id));
    expect(bus.states(calm.id)).toEqual(Array.from({ length: 50 }, (_, i) => `33@${i + 1}`));
  });

  it('shows presence from another instance without publishing it back, its departure included', () => {
    const { bus, open, join, turn, fromOther } = setUp({ busBytesPerSecond: 64 * 1024 });
    const room = open();
    const watcher = join(room);
    fromOther(room, { instance: 'there', kind: 'states', update: encodePresence([{ clientId: 44, clock: 1, state: { name: 'Dee' } }]) });
    turn();
    fromOther(room, { instance: 'there', kind: 'states', update: encodePresence([{ clientId: 44, clock: 2, state: null }]) });
    turn();
    expect(presenceSent(watcher)).toEqual(['44@1', '44 gone']);
    expect(bus.states(room.id)).toEqual([]);
  });

  it('answers many queries in one turn with one message, within the budget', () => {
    const { bus, open, join, turn, fromOther } = setUp({ busBytesPerSecond: 64 * 1024 });
    const room = open();
    room.receive(join(room), move(11, 1));
    turn();
    for (let i = 0; i < 20; i++) fromOther(room, { instance: `asker-${i}`, kind: 'query' });
    turn();
    expect(bus.states(room.id)).toEqual(['11@1', '11@1']);
  });

  it('publishes nothing for a room detached while its states waited for the budget', () => {
    const { bus, presence, open, join, turn } = setUp({ busBytesPerSecond: 1_000 });
    const room = open();
    const peers = Array.from({ length: 4 }, () => join(room));
    for (let clock = 1; clock <= 3; clock++) {
      peers.forEach((peer, i) => room.receive(peer, move(100 + i, clock, 'x'.repeat(400))));
      turn();
    }
    // The first turn's message spent the bucket; the later turns' states wait for its refill.
    expect(bus.states(room.id)).toEqual(['100@1 101@1 102@1 103@1']);
    presence.detach(room.id);
    turn(5_000);
    expect(bus.states(room.id)).toEqual(['100@1 101@1 102@1 103@1']);
  });
});
