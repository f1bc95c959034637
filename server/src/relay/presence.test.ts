import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkPresenceSize, decodePresence, encodePresence, PresenceTooBigError, showPresence, stampPresence, type PresenceEntry } from './presence.ts';

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

describe('showPresence writes checked entries as y-protocols’ applyAwarenessUpdate would', () => {
  const ana = (clock: number, x = clock): PresenceEntry => ({ clientId: 7, clock, state: { cursor: { x } } });
  const gone = (clock: number): PresenceEntry => ({ clientId: 7, clock, state: null });
  const bo: PresenceEntry = { clientId: 8, clock: 1, state: { name: 'Bo' } };
  /** Entries already shown, then the message under test. */
  it.each<[string, PresenceEntry[], PresenceEntry[]]>([
    ['a new id is added', [], [ana(1)]],
    ['a newer clock replaces the state', [ana(1)], [ana(2)]],
    ['a newer clock with the same state is an update but no change', [ana(1, 5)], [ana(2, 5)]],
    ['the same clock is ignored', [ana(2)], [ana(2, 9)]],
    ['an older clock is ignored', [ana(3)], [ana(2)]],
    ['a departure at a newer clock removes the state', [ana(1)], [gone(2)]],
    ['a departure at the same clock removes a shown state', [ana(2)], [gone(2)]],
    ['a departure of an id never seen only keeps its clock', [], [gone(4)]],
    ['several ids in one message, one twice', [bo], [ana(1), { ...bo, clock: 2 }, ana(1, 3), ana(2)]],
  ])('%s', (_name, before, message) => {
    // With a 'change' listener and without (the relay's case, where the deep comparison is skipped): 'update' is the same.
    for (const listensToChange of [true, false]) {
      const viaProtocol = new awarenessProtocol.Awareness(new Y.Doc());
      const viaShow = new awarenessProtocol.Awareness(new Y.Doc());
      for (const awareness of [viaProtocol, viaShow]) {
        awareness.setLocalState(null);
        awarenessProtocol.applyAwarenessUpdate(awareness, encodePresence(before), 'setup');
      }
      const events = (awareness: awarenessProtocol.Awareness) => {
        const seen: unknown[] = [];
        if (listensToChange) awareness.on('change', (change: unknown, origin: unknown) => seen.push(['change', change, origin]));
        awareness.on('update', (change: unknown, origin: unknown) => seen.push(['update', change, origin]));
        return seen;
      };
      const protocolEvents = events(viaProtocol);
      const showEvents = events(viaShow);

      awarenessProtocol.applyAwarenessUpdate(viaProtocol, encodePresence(message), 'peer');
      showPresence(viaShow, message, 'peer');

      expect(showEvents).toEqual(protocolEvents);
      expect(viaShow.getStates()).toEqual(viaProtocol.getStates());
      // Each awareness has a local id of its own (its document's), never written here.
      const clocks = (awareness: awarenessProtocol.Awareness) => new Map([...awareness.meta].filter(([id]) => id !== awareness.clientID).map(([id, meta]) => [id, meta.clock]));
      expect(clocks(viaShow)).toEqual(clocks(viaProtocol));
      viaProtocol.destroy();
      viaShow.destroy();
    }
  });
});

