import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from './presence.ts';
import { MAX_PRESENCE_IDS_PER_CONNECTION, PresenceOwners, type KnownPresence } from './presenceOwners.ts';

type Peer = 'a' | 'b';
const set = (clientId: number, clock: number): PresenceEntry => ({ clientId, clock, state: { name: `user ${clientId}` } });
const clear = (clientId: number, clock: number): PresenceEntry => ({ clientId, clock, state: null });

/** Awareness as the room keeps it: the last clock per id and whether the id is shown. */
function knownFrom(entries: Record<number, { clock: number; shown: boolean }>): KnownPresence {
  return (clientId) => entries[clientId] ?? { clock: 0, shown: false };
}

describe('PresenceOwners.admit', () => {
  const table: {
    name: string;
    owners: [Peer, number, number][];
    known: Record<number, { clock: number; shown: boolean }>;
    peer: Peer;
    entries: PresenceEntry[];
    admitted: number[];
    ownedBy: Record<Peer, number[]>;
  }[] = [
    {
      name: 'a new id is admitted and claimed',
      owners: [],
      known: {},
      peer: 'a',
      entries: [set(1, 1)],
      admitted: [1],
      ownedBy: { a: [1], b: [] },
    },
    {
      name: 'an echo at the clock we know changes nothing',
      owners: [['b', 2, 3]],
      known: { 2: { clock: 3, shown: true } },
      peer: 'a',
      entries: [set(2, 3)],
      admitted: [],
      ownedBy: { a: [], b: [2] },
    },
    {
      name: 'an older copy of a state changes nothing',
      owners: [['a', 1, 5]],
      known: { 1: { clock: 5, shown: true } },
      peer: 'a',
      entries: [set(1, 4)],
      admitted: [],
      ownedBy: { a: [1], b: [] },
    },
    {
      name: 'a newer clock takes the id over from its old connection',
      owners: [['b', 2, 3]],
      known: { 2: { clock: 3, shown: true } },
      peer: 'a',
      entries: [set(2, 4)],
      admitted: [2],
      ownedBy: { a: [2], b: [] },
    },
    {
      name: "another connection cannot clear someone's presence",
      owners: [['b', 2, 3]],
      known: { 2: { clock: 3, shown: true } },
      peer: 'a',
      entries: [clear(2, 4)],
      admitted: [],
      ownedBy: { a: [], b: [2] },
    },
    {
      name: 'the owner clears its id with a newer clock',
      owners: [['a', 1, 3]],
      known: { 1: { clock: 3, shown: true } },
      peer: 'a',
      entries: [clear(1, 4)],
      admitted: [1],
      ownedBy: { a: [1], b: [] },
    },
    {
      name: 'the owner clears a shown id at the same clock',
      owners: [['a', 1, 3]],
      known: { 1: { clock: 3, shown: true } },
      peer: 'a',
      entries: [clear(1, 3)],
      admitted: [1],
      ownedBy: { a: [1], b: [] },
    },
    {
      name: 'a clear at the same clock of an id already gone changes nothing',
      owners: [['a', 1, 3]],
      known: { 1: { clock: 3, shown: false } },
      peer: 'a',
      entries: [clear(1, 3)],
      admitted: [],
      ownedBy: { a: [1], b: [] },
    },
    {
      name: 'only the entries that change something are admitted from a mixed update',
      owners: [['b', 2, 3]],
      known: { 2: { clock: 3, shown: true } },
      peer: 'a',
      entries: [set(1, 1), set(2, 3), clear(2, 9)],
      admitted: [1],
      ownedBy: { a: [1], b: [2] },
    },
  ];

  it.each(table)('$name', ({ owners, known, peer, entries, admitted, ownedBy }) => {
    const presence = new PresenceOwners<Peer>();
    for (const [owner, clientId, clock] of owners) presence.admit(owner, [set(clientId, clock)], () => ({ clock: 0, shown: false }));
    expect(presence.admit(peer, entries, knownFrom(known)).map((e) => e.clientId)).toEqual(admitted);
    expect(presence.idsOwnedBy('a')).toEqual(ownedBy.a);
    expect(presence.idsOwnedBy('b')).toEqual(ownedBy.b);
    expect([presence.showsAny('a'), presence.showsAny('b')]).toEqual([ownedBy.a.length > 0, ownedBy.b.length > 0]);
  });

  it(`refuses a connection that would own more than ${MAX_PRESENCE_IDS_PER_CONNECTION} ids, and claims none of them`, () => {
    const presence = new PresenceOwners<Peer>();
    const ids = Array.from({ length: MAX_PRESENCE_IDS_PER_CONNECTION }, (_, i) => i + 1);
    presence.admit('a', ids.map((id) => set(id, 1)), knownFrom({}));
    expect(() => presence.admit('a', [set(99, 1)], knownFrom({}))).toThrow('too many presence ids on one connection');
    expect(presence.idsOwnedBy('a')).toEqual(ids);
    expect(presence.isOwned(99)).toBe(false);
  });

  it('counts ids a connection already owns only once', () => {
    const presence = new PresenceOwners<Peer>();
    const ids = Array.from({ length: MAX_PRESENCE_IDS_PER_CONNECTION }, (_, i) => i + 1);
    presence.admit('a', ids.map((id) => set(id, 1)), knownFrom({}));
    const known = knownFrom(Object.fromEntries(ids.map((id) => [id, { clock: 1, shown: true }])));
    expect(presence.admit('a', ids.map((id) => set(id, 2)), known).map((e) => e.clientId)).toEqual(ids);
  });
});

describe('PresenceOwners.release', () => {
  it('returns the ids the departing peer owned and forgets them; ids it lost stay with their new owner', () => {
    const presence = new PresenceOwners<Peer>();
    presence.admit('a', [set(1, 1), set(2, 1)], knownFrom({}));
    presence.admit('b', [set(2, 2)], knownFrom({ 2: { clock: 1, shown: true } }));
    expect(presence.release('a')).toEqual([1]);
    expect(presence.isOwned(1)).toBe(false);
    expect(presence.isOwned(2)).toBe(true);
    expect(presence.release('a')).toEqual([]);
    expect(presence.release('b')).toEqual([2]);
    expect(presence.isOwned(2)).toBe(false);
  });
});
