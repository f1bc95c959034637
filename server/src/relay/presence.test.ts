import { describe, expect, it } from 'vitest';
import { stampPresence } from './presence.ts';

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
