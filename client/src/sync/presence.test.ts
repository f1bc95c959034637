import { describe, expect, it } from 'vitest';
import { onePerSeat, samePeopleApartFromPointers, type Presence } from './presence.ts';

const ana: Presence = { clientId: 1, seatId: 'sa', isMe: false, user: { id: 'a', name: 'Ana', color: '#f00', role: 'participant' } };

describe('samePeopleApartFromPointers', () => {
  it.each<[string, Presence[], Presence[], boolean]>([
    ['nothing changed', [ana], [{ ...ana }], true],
    ['only the cursor moved', [{ ...ana, cursor: { step: 'context', x: 1, y: 2 } }], [{ ...ana, cursor: { step: 'context', x: 5, y: 9 } }], true],
    ['a drag and a view moved', [ana], [{ ...ana, dragging: { step: 'draft', id: 'n', x: 0, y: 0 }, view: { step: 'draft', x: 0, y: 0, w: 10, h: 10 } }], true],
    ['someone joined', [ana], [ana, { ...ana, clientId: 2, user: { ...ana.user, id: 'b', name: 'Ben' } }], false],
    ['drafts changed', [ana], [{ ...ana, drafts: { draft: 2 } }], false],
    ['ready changed', [ana], [{ ...ana, ready: { 'context:0': true } }], false],
  ])('%s', (_name, a, b, same) => {
    expect(samePeopleApartFromPointers(a, b)).toBe(same);
  });
});

describe('onePerSeat', () => {
  const user = (id: string, name: string) => ({ id, name, color: '#f00', role: 'participant' as const });
  const entry = (clientId: number, state: object, updatedAt = 0) => ({ clientId, state, updatedAt });
  const OWN = 1;
  const shown = (people: readonly Presence[]) => people.map((p) => `${p.user.name}@${p.seatId}${p.isMe ? ' (me)' : ''}${p.ready?.['draft@1'] ? ' ready' : ''}`);

  it.each<[string, ReturnType<typeof entry>[], string | undefined, string[]]>([
    ['each seat once, by name', [entry(2, { seatId: 'sb', user: user('b', 'Bo') }), entry(3, { seatId: 'sa', user: user('a', 'Ana') })], undefined, ['Ana@sa', 'Bo@sb']],
    // A modified client claiming Ana's user id and her readiness stays its own seat: Ana is not marked ready.
    [
      'a claimed user id does not make someone else',
      [entry(2, { seatId: 'sa', user: user('a', 'Ana') }), entry(3, { seatId: 'sm', user: user('a', 'Ana'), ready: { 'draft@1': true } })],
      undefined,
      ['Ana@sa', 'Ana@sm ready'],
    ],
    // Four presence ids from one seat (a modified client, or two tabs) are one person: its most recent state.
    [
      'several presence ids of one seat count once, the newest heard',
      [entry(2, { seatId: 'sm', user: user('m1', 'Mal') }, 5), entry(3, { seatId: 'sm', user: user('m2', 'Mal'), ready: { 'draft@1': true } }, 9), entry(4, { seatId: 'sm', user: user('m3', 'Mal') }, 7)],
      undefined,
      ['Mal@sm ready'],
    ],
    ['this device carries no stamp: it is my seat, and wins over my other devices', [entry(OWN, { user: user('a', 'Ana') }, 1), entry(2, { seatId: 'sa', user: user('a', 'Ana'), ready: { 'draft@1': true } }, 9)], 'sa', ['Ana@sa (me)']],
    ['before the server names my seat, this device is on its own', [entry(OWN, { user: user('a', 'Ana') })], undefined, ['Ana@device:1 (me)']],
    ['a remote state without a stamp did not come through the room', [entry(2, { user: user('x', 'Ghost') })], undefined, []],
    ['an invalid state is left out', [entry(2, { seatId: 'sa', user: { name: 'Ana' } })], undefined, []],
  ])('%s', (_name, entries, mySeatId, expected) => {
    expect(shown(onePerSeat(entries, OWN, mySeatId))).toEqual(expected);
  });
});
