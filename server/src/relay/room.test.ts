import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoardDoc, ControlDoc, encodeState } from '@okr/shared/doc';
import type { Role } from '../access.ts';
import { RoomStore, type DocName } from '../store/roomStore.ts';
import { RelayMetrics } from './metrics.ts';
import { decodePresence, encodePresence } from './presence.ts';
import { encodePermissionDenied, encodeSyncStep1, LOCKED_REASON, type CloseName } from './protocol.ts';
import { Room } from './room.ts';
import { FakePeer, testLimits } from './room.testkit.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openRoom(): Room {
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-room-')));
  const room = new Room(store.createRoom('Room test').id, store, testLimits({ maxConnectionsPerRoom: 2, maxConnectionsPerRoomPerIp: 2 }), new RelayMetrics());
  cleanups.push(() => {
    room.unload();
    store.close();
  });
  return room;
}

function joined(room: Room, role: Role, docName: DocName): FakePeer {
  const peer = new FakePeer(role, docName);
  room.join(peer);
  return peer;
}

function lock(room: Room, locked: boolean): void {
  const control = new ControlDoc();
  control.set({ locked });
  room.receive(joined(room, 'facilitator', 'control'), { kind: 'update', update: encodeState(control.ydoc) });
  expect(room.isLocked()).toBe(locked);
}

function boardEdit(title: string): Uint8Array {
  const board = new BoardDoc();
  board.updateWorkshop({ title });
  return encodeState(board.ydoc);
}

const EMPTY_UPDATE = encodeState(new BoardDoc().ydoc);

describe('Room write policy, without sockets', () => {
  const table: { role: Role; locked: boolean; update: Uint8Array; applied: boolean; closes: CloseName[] }[] = [
    { role: 'participant', locked: false, update: boardEdit('edited'), applied: true, closes: [] },
    { role: 'facilitator', locked: true, update: boardEdit('edited'), applied: true, closes: [] },
    // The edit met the lock: the connection stays open (the writer is told, and asked again on unlock).
    { role: 'participant', locked: true, update: boardEdit('edited'), applied: false, closes: [] },
    // An up-to-date client's sync step 2 is dropped without closing it.
    { role: 'participant', locked: true, update: EMPTY_UPDATE, applied: false, closes: [] },
    { role: 'viewer', locked: false, update: boardEdit('edited'), applied: false, closes: [] },
  ];
  it.each(table)('a $role board edit (locked: $locked) is applied: $applied, closes: $closes', ({ role, locked, update, applied, closes }) => {
    const room = openRoom();
    lock(room, locked);
    const peer = joined(room, role, 'board');
    room.receive(peer, { kind: 'update', update });
    expect(new BoardDoc(room.board.ydoc).workshop().title === 'edited').toBe(applied);
    expect(peer.closes).toEqual(closes);
  });

  it('tells a participant once that the lock refused its edit, and asks for it again when the board unlocks', () => {
    const room = openRoom();
    // One facilitator's control document, so the unlock follows the lock (two writers would race).
    const facilitator = joined(room, 'facilitator', 'control');
    const control = new ControlDoc();
    const setLocked = (locked: boolean) => {
      control.set({ locked });
      room.receive(facilitator, { kind: 'update', update: encodeState(control.ydoc) });
      expect(room.isLocked()).toBe(locked);
    };
    setLocked(true);
    const peer = joined(room, 'participant', 'board');
    const greeting = peer.sent.length;
    room.receive(peer, { kind: 'update', update: boardEdit('edited') });
    room.receive(peer, { kind: 'update', update: boardEdit('again') });
    expect(peer.sent.slice(greeting)).toEqual([encodePermissionDenied(LOCKED_REASON)]);
    expect(peer.closes).toEqual([]);

    setLocked(false);
    expect(peer.sent.slice(greeting + 1)).toEqual([encodeSyncStep1(room.board.ydoc)]);
    room.receive(peer, { kind: 'update', update: boardEdit('edited') });
    expect(new BoardDoc(room.board.ydoc).workshop().title).toBe('edited');
  });

  it('only a facilitator changes the control document', () => {
    const room = openRoom();
    const participant = joined(room, 'participant', 'control');
    const control = new ControlDoc();
    control.set({ locked: true });
    room.receive(participant, { kind: 'update', update: encodeState(control.ydoc) });
    expect(room.isLocked()).toBe(false);
    expect(participant.closes).toEqual([]);
  });

  it('greets a peer with sync step 1, and counts people per document against the cap', () => {
    const room = openRoom();
    const first = joined(room, 'participant', 'board');
    expect(first.sent).toHaveLength(1);
    expect(room.hasRoomFor('board')).toBe(true);
    joined(room, 'participant', 'board');
    expect(room.hasRoomFor('board')).toBe(false);
    expect(room.hasRoomFor('control')).toBe(true);
  });
});

describe('Room greetings, without sockets', () => {
  const emptyStateVector = Y.encodeStateVector(new Y.Doc());
  const askForEverything = (room: Room, peer: FakePeer) => {
    room.receive(peer, { kind: 'syncRequest', stateVector: emptyStateVector });
    return peer.sent.at(-1)!;
  };
  /** The board a new client holds after applying `answer` (a sync step 2 message). */
  const boardFrom = (answer: Uint8Array) => {
    const decoder = decoding.createDecoder(answer);
    expect(decoding.readVarUint(decoder)).toBe(0);
    const doc = new Y.Doc();
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
    return new BoardDoc(doc);
  };

  it('encodes sync step 1 and a new client’s whole board once until the board changes, then anew', () => {
    const room = openRoom();
    const peers = [0, 1, 2].map(() => joined(room, 'participant', 'board'));
    expect(new Set(peers.map((peer) => peer.sent[0])).size).toBe(1);
    expect(peers[0]!.sent[0]).toEqual(encodeSyncStep1(room.board.ydoc));
    const answers = peers.map((peer) => askForEverything(room, peer));
    expect(new Set(answers).size).toBe(1);

    room.receive(peers[0]!, { kind: 'update', update: boardEdit('edited') });
    const late = joined(room, 'participant', 'board');
    expect(late.sent[0]).not.toBe(peers[0]!.sent[0]);
    expect(late.sent[0]).toEqual(encodeSyncStep1(room.board.ydoc));
    const answer = askForEverything(room, late);
    expect(answer).not.toBe(answers[0]);
    expect(boardFrom(answer).workshop().title).toBe('edited');
  });
});

describe('Room presence ownership, without sockets', () => {
  const set = (clientId: number, clock: number) => ({ kind: 'presence', update: encodePresence([{ clientId, clock, state: { name: `user ${clientId}` } }]) }) as const;
  const clear = (clientId: number, clock: number) => ({ kind: 'presence', update: encodePresence([{ clientId, clock, state: null }]) }) as const;

  it("keeps presence its owner set when another connection clears it, and removes it when the owner leaves", () => {
    const room = openRoom();
    const a = joined(room, 'participant', 'board');
    const b = joined(room, 'participant', 'board');
    room.receive(a, set(11, 1));
    room.receive(b, clear(11, 2));
    expect(room.presenceIds()).toEqual([11]);
    room.leave(b);
    expect(room.presenceIds()).toEqual([11]);
    room.leave(a);
    expect(room.presenceIds()).toEqual([]);
  });

  it('shows neither viewers nor presence sent on the control document', () => {
    const room = openRoom();
    room.receive(joined(room, 'viewer', 'board'), set(1, 1));
    room.receive(joined(room, 'participant', 'control'), set(2, 1));
    expect(room.presenceIds()).toEqual([]);
  });
});

describe('Room presence per turn, without sockets', () => {
  afterEach(() => vi.useRealTimers());

  /** A room whose turns end when the test says: its end-of-turn tasks (the presence flush) wait in a list. */
  function roomWithTurns(bytesPerSecond: number): { room: Room; endTurn: () => void } {
    const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-room-')));
    const tasks: (() => void)[] = [];
    const turns = { schedule: () => {}, later: (task: () => void) => tasks.push(task) };
    const room = new Room(store.createRoom('Presence turns').id, store, testLimits({ presenceBytesPerSecond: bytesPerSecond }), new RelayMetrics(), turns);
    cleanups.push(() => {
      room.unload();
      store.close();
    });
    return { room, endTurn: () => tasks.splice(0).forEach((task) => task()) };
  }

  const move = (clientId: number, clock: number, filler = '') => ({ kind: 'presence', update: encodePresence([{ clientId, clock, state: { cursor: { x: clock, y: clock }, filler } }]) }) as const;

  /** The presence entries a peer was sent, as `id@clock` (`id gone` for a departure), one string per message. */
  function presenceSent(peer: FakePeer): string[] {
    return peer.sent.flatMap((message) => {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 1) return [];
      return [decodePresence(decoding.readVarUint8Array(decoder)).map((entry) => (entry.state ? `${entry.clientId}@${entry.clock}` : `${entry.clientId} gone`)).join(' ')];
    });
  }

  it('sends each changed id’s newest state once per turn, in one message, never an older after a newer', () => {
    vi.useFakeTimers({ now: 0 });
    const { room, endTurn } = roomWithTurns(16 * 1024);
    const [ana, ben, watcher] = [joined(room, 'participant', 'board'), joined(room, 'participant', 'board'), joined(room, 'participant', 'board')];
    for (const clock of [1, 2, 3]) room.receive(ana, move(11, clock));
    room.receive(ben, move(22, 1));
    expect(presenceSent(watcher)).toEqual([]);
    endTurn();
    expect(presenceSent(watcher)).toEqual(['11@3 22@1']);
    room.receive(ana, move(11, 2));
    endTurn();
    expect(presenceSent(watcher)).toEqual(['11@3 22@1']);
  });

  it('never holds an honest cursor: 20 moves a second each go out in their own turn', () => {
    vi.useFakeTimers({ now: 0 });
    const { room, endTurn } = roomWithTurns(16 * 1024);
    const [ana, watcher] = [joined(room, 'participant', 'board'), joined(room, 'participant', 'board')];
    for (let clock = 1; clock <= 60; clock++) {
      room.receive(ana, move(11, clock, 'x'.repeat(200)));
      endTurn();
      vi.advanceTimersByTime(50);
    }
    expect(presenceSent(watcher)).toEqual(Array.from({ length: 60 }, (_, i) => `11@${i + 1}`));
  });

  it('holds a sender past its byte budget, newest state winning, and sends it once the budget refills', () => {
    vi.useFakeTimers({ now: 0 });
    const { room, endTurn } = roomWithTurns(1000);
    const [ana, ben, watcher] = [joined(room, 'participant', 'board'), joined(room, 'participant', 'board'), joined(room, 'participant', 'board')];
    const big = 'x'.repeat(600);
    room.receive(ana, move(11, 1, big));
    endTurn();
    room.receive(ana, move(11, 2, big));
    room.receive(ben, move(22, 1));
    endTurn();
    // Ana spent her second's worth on clock 1; Ben's budget is his own.
    expect(presenceSent(watcher)).toEqual(['11@1', '22@1']);
    room.receive(ana, move(11, 3, big));
    endTurn();
    expect(presenceSent(watcher)).toEqual(['11@1', '22@1']);
    vi.advanceTimersByTime(1000);
    expect(presenceSent(watcher)).toEqual(['11@1', '22@1', '11@3']);
  });

  it('greets joiners with everyone shown without serialising every state again for each joiner', () => {
    vi.useFakeTimers({ now: 0 });
    const { room, endTurn } = roomWithTurns(16 * 1024);
    const people = Array.from({ length: 30 }, () => joined(room, 'participant', 'board'));
    people.forEach((peer, i) => room.receive(peer, move(100 + i, 1)));
    const stringify = vi.spyOn(JSON, 'stringify');
    const statesSerialised = () => stringify.mock.calls.filter(([value]) => value !== null && typeof value === 'object' && 'seatId' in value).length;
    endTurn();
    // The turn's broadcast serialises the 30 states (as stamped: with their seat), the first greeting
    // again; the other 19 joiners reuse it (each serialised all 30 again: 630 in all).
    const joiners = Array.from({ length: 20 }, () => joined(room, 'participant', 'board'));
    expect(statesSerialised()).toBe(60);
    // One moves: a later joiner's greeting serialises that one state again.
    room.receive(people[0]!, move(100, 2));
    const late = joined(room, 'participant', 'board');
    expect(statesSerialised()).toBe(61);
    stringify.mockRestore();
    const everyone = people.map((_, i) => `${100 + i}@1`);
    for (const joiner of joiners) expect(presenceSent(joiner)).toEqual([everyone.join(' ')]);
    expect(presenceSent(late)).toEqual([['100@2', ...everyone.slice(1)].join(' ')]);
  });

  it('sends a departure at once, whatever the budget', () => {
    vi.useFakeTimers({ now: 0 });
    const { room, endTurn } = roomWithTurns(1000);
    const [ana, watcher] = [joined(room, 'participant', 'board'), joined(room, 'participant', 'board')];
    room.receive(ana, move(11, 1, 'x'.repeat(900)));
    endTurn();
    room.receive(ana, move(11, 2, 'x'.repeat(900)));
    room.leave(ana);
    endTurn();
    expect(presenceSent(watcher)).toEqual(['11@1', '11 gone']);
  });
});
