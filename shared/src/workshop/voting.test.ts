import { describe, expect, it } from 'vitest';
import type { Ballot, Candidate, Voting } from '../schema/index.ts';
import { addDot, checkBallot, countableBallots, notDoneVoting, proxyVoterId, removeDot, tally, talliesVisible } from './voting.ts';

const open: Voting = { roundId: 'r1', status: 'open', dotsPerPerson: 3, capPerItem: 2 };
const ids = new Set(['a', 'b', 'c']);
const candidates: Candidate[] = ['a', 'b', 'c'].map((id, order) => ({ id, text: id.toUpperCase(), order }));

describe('addDot', () => {
  it.each([
    ['places a first dot', {}, 'a', open, { a: 1 }],
    ['a second dot on the same card', { a: 1 }, 'a', open, { a: 2 }],
    ['refuses past the per-card cap', { a: 2 }, 'a', open, 'cap-reached'],
    ['refuses past the budget', { a: 2, b: 1 }, 'c', open, 'no-dots-left'],
    ['refuses when voting is closed', {}, 'a', { ...open, status: 'closed' }, 'voting-not-open'],
    ['refuses before voting opens', {}, 'a', { ...open, status: 'idle' }, 'voting-not-open'],
    ['refuses a card that is gone', {}, 'zzz', open, 'unknown-candidate'],
    ['honours a larger budget', { a: 2, b: 2 }, 'c', { ...open, dotsPerPerson: 5 }, { a: 2, b: 2, c: 1 }],
  ] as const)('%s', (_name, dots, candidate, voting, expected) => {
    expect(addDot(dots, candidate, voting as Voting, ids)).toEqual(expected);
  });
});

describe('removeDot', () => {
  it.each([
    ['takes one back', { a: 2 }, 'a', open, { a: 1 }],
    ['clears the card at zero', { a: 1 }, 'a', open, {}],
    ['refuses where there is none', {}, 'a', open, 'no-dot-here'],
    ['refuses once closed', { a: 1 }, 'a', { ...open, status: 'closed' }, 'voting-not-open'],
  ] as const)('%s', (_name, dots, candidate, voting, expected) => {
    expect(removeDot(dots, candidate, voting as Voting)).toEqual(expected);
  });
});

const ballot = (voterId: string, dots: Record<string, number>, roundId = 'r1', proxy = false): Ballot => ({ roundId, voterId, voterName: voterId, dots, proxy });

describe('tally', () => {
  it.each([
    ['counts every ballot of the round', [ballot('ana', { a: 2, b: 1 }), ballot('bo', { b: 2 })], { a: 2, b: 3, c: 0 }],
    ['counts proxy votes like any other', [ballot('ana', { a: 1 }), ballot(proxyVoterId('Kim'), { a: 2 }, 'r1', true)], { a: 3, b: 0, c: 0 }],
    ['ignores earlier rounds', [ballot('ana', { a: 2 }, 'r0'), ballot('bo', { c: 1 })], { a: 0, b: 0, c: 1 }],
    ['caps a stuffed card', [ballot('mallory', { a: 9 })], { a: 2, b: 0, c: 0 }],
    ['caps a stuffed budget', [ballot('mallory', { a: 2, b: 2, c: 2 })], { a: 2, b: 1, c: 0 }],
    ['ignores cards that are gone', [ballot('ana', { gone: 2, a: 1 })], { a: 1, b: 0, c: 0 }],
  ])('%s', (_name, ballots, expected) => {
    const result = Object.fromEntries(tally(ballots, candidates, open).map((t) => [t.candidateId, t.votes]));
    expect(result).toEqual(expected);
  });

  it('sorts by votes, ties in board order', () => {
    expect(tally([ballot('ana', { c: 2, b: 1 }), ballot('bo', { b: 1 })], candidates, open).map((t) => t.candidateId)).toEqual(['b', 'c', 'a']);
  });
});

describe('hidden tallies and who has not voted', () => {
  it.each([
    ['idle', false],
    ['open', false],
    ['closed', true],
  ] as const)('tallies visible when %s: %s', (status, visible) => {
    expect(talliesVisible({ ...open, status })).toBe(visible);
  });

  it('lists people with dots left', () => {
    const people = [{ id: 'ana', name: 'Ana' }, { id: 'bo', name: 'Bo' }, { id: 'cy', name: 'Cy' }];
    expect(notDoneVoting(people, [ballot('ana', { a: 2, b: 1 }), ballot('bo', { a: 1 }), ballot('cy', { a: 2, b: 1 }, 'r0')], open)).toEqual([
      { id: 'bo', name: 'Bo', left: 2 },
      { id: 'cy', name: 'Cy', left: 3 },
    ]);
  });

  it.each([
    ['Kim', 'proxy-kim'],
    ['  José María ', 'proxy-jos-mar-a'],
    ['!!!', 'proxy-guest'],
  ])('proxy voter id for %j', (name, id) => {
    expect(proxyVoterId(name)).toBe(id);
  });
});

describe('checkBallot (what the server accepts)', () => {
  it.each([
    ['an empty ballot', 'r1', {}, open, null],
    ['the whole budget within the cap', 'r1', { a: 2, b: 1 }, open, null],
    ['zero dots on a card that is gone', 'r1', { zzz: 0, a: 1 }, open, null],
    ['over the budget', 'r1', { a: 2, b: 2 }, open, 'no-dots-left'],
    ['over the cap on one card', 'r1', { a: 3 }, open, 'cap-reached'],
    ['a card not on the ballot', 'r1', { zzz: 1 }, open, 'unknown-candidate'],
    ['an earlier round', 'r0', { a: 1 }, open, 'round-over'],
    ['voting closed', 'r1', { a: 1 }, { ...open, status: 'closed' }, 'voting-not-open'],
    ['voting never opened', 'r1', { a: 1 }, { ...open, status: 'idle' }, 'voting-not-open'],
  ] as const)('%s', (_name, roundId, dots, voting, expected) => {
    expect(checkBallot(roundId, dots, voting as Voting, ids)).toBe(expected);
  });
});

describe('countableBallots', () => {
  const ballot = (voterId: string, dots: Record<string, number>, castAt: number): Ballot => ({ roundId: 'r1', voterId, voterName: voterId, dots, castAt });
  it.each([
    ['one ballot per seat stays', [ballot('ana', { a: 1 }, 1), ballot('bo', { b: 1 }, 2)], {}, [ballot('ana', { a: 1 }, 1), ballot('bo', { b: 1 }, 2)]],
    ['a merged seat: the later ballot counts', [ballot('ana', { a: 1 }, 5), ballot('ana-phone', { b: 2 }, 3)], { 'ana-phone': 'ana' }, [ballot('ana', { a: 1 }, 5)]],
    ['a merged seat voted last: its ballot counts as the kept seat', [ballot('ana', { a: 1 }, 1), ballot('ana-phone', { b: 2 }, 3)], { 'ana-phone': 'ana' }, [{ ...ballot('ana', { b: 2 }, 3), voterName: 'ana-phone' }]],
  ] as const)('%s', (_name, ballots, merged, expected) => {
    const resolve = (id: string) => (merged as Record<string, string>)[id] ?? id;
    expect(countableBallots(ballots, resolve)).toEqual(expected);
  });
});
