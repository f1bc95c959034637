import { describe, expect, it } from 'vitest';
import { seatLink } from '../facilitation/seatLink.ts';
import { parseRoute, seatFromFragment } from './route.ts';

const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWx';

describe('seat links', () => {
  it.each<[string, string, string | null]>([
    ['a seat link', `#seat=${SECRET}`, SECRET],
    ['beside a rotated link’s join key', `#join=K&seat=${SECRET}`, SECRET],
    ['no seat', '#join=K', null],
    ['a malformed secret is not taken', '#seat=short', null],
    ['nothing', '', null],
  ])('%s', (_name, hash, expected) => {
    expect(seatFromFragment(hash)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['the plain participant link', 'https://okr.example/r/room', `https://okr.example/r/room#seat=${SECRET}`],
    ['a rotated participant link keeps its join key', 'https://okr.example/r/room#join=J', `https://okr.example/r/room#join=J&seat=${SECRET}`],
  ])('the link handed over: %s', (_name, participantUrl, expected) => {
    expect(seatLink(participantUrl, SECRET)).toBe(expected);
  });

  it('a seat link still opens the board as a participant', () => {
    const url = new URL(seatLink('https://okr.example/r/AAAAAAAAAAAAAAAAAAAAAA#join=JJJJJJJJJJJJJJJJJJJJJJ', SECRET));
    expect(parseRoute(url.pathname, url.hash)).toEqual({ page: 'board', access: { kind: 'participant', roomId: 'AAAAAAAAAAAAAAAAAAAAAA', key: 'JJJJJJJJJJJJJJJJJJJJJJ' } });
  });
});
