import { describe, expect, it } from 'vitest';
import type { Ballot, Voting } from '../schema/index.ts';
import { proxyVoterId } from './voting.ts';
import { peopleHere, progressLine, votingProgress, type RoomPerson, type SeatConnection } from './votingProgress.ts';

const voting: Voting = { roundId: 'r1', status: 'open', dotsPerPerson: 3, capPerItem: 2 };
const ana: RoomPerson = { id: 'ana', name: 'Ana', role: 'participant' };
const bo: RoomPerson = { id: 'bo', name: 'Bo', role: 'participant' };
const fay: RoomPerson = { id: 'fay', name: 'Fay', role: 'facilitator' };
const ballot = (voterId: string, dots: Record<string, number>, extra: Partial<Ballot> = {}): Ballot => ({ roundId: 'r1', voterId, voterName: voterId, dots, ...extra });
const kim = proxyVoterId('Kim');

describe('votingProgress', () => {
  it.each([
    ['nobody here', [], [], { total: 0, done: 0, notDone: [] }],
    ['participants without ballots are waited for', [ana, bo], [], { total: 2, done: 0, notDone: ['Ana:3', 'Bo:3'] }],
    ['all dots placed counts as voted', [ana, bo], [ballot('ana', { a: 2, b: 1 })], { total: 2, done: 1, notDone: ['Bo:3'] }],
    ['some dots placed is not done yet', [ana], [ballot('ana', { a: 1 })], { total: 1, done: 0, notDone: ['Ana:2'] }],
    ['the facilitator is not waited for', [fay, ana], [ballot('ana', { a: 3 })], { total: 1, done: 1, notDone: [] }],
    ['the facilitator counts once they vote', [fay, ana], [ballot('fay', { a: 1 })], { total: 2, done: 0, notDone: ['Ana:3', 'Fay:2'] }],
    ['a proxy ballot counts as a voter', [ana], [ballot(kim, { a: 2, b: 1 }, { voterName: 'Kim', proxy: true })], { total: 2, done: 1, notDone: ['Ana:3'] }],
    ['someone who voted and left still counts', [ana], [ballot('gone', { a: 2, b: 1 })], { total: 2, done: 1, notDone: ['Ana:3'] }],
    ['an empty ballot of someone who left does not', [ana], [ballot('gone', {})], { total: 1, done: 0, notDone: ['Ana:3'] }],
    ['earlier rounds do not count', [ana], [ballot('ana', { a: 3 }, { roundId: 'r0' })], { total: 1, done: 0, notDone: ['Ana:3'] }],
  ])('%s', (_name, people, ballots, expected) => {
    const progress = votingProgress(people, ballots, voting);
    expect({ total: progress.total, done: progress.done, notDone: progress.notDone.map((v) => `${v.name}:${v.left}`) }).toEqual(expected);
  });

  it('lists proxy ballots with the dots they have left', () => {
    const progress = votingProgress([ana], [ballot(kim, { a: 1 }, { voterName: 'Kim', proxy: true })], voting);
    expect(progress.proxies).toEqual([{ id: kim, name: 'Kim', left: 2 }]);
  });
});

describe('progressLine', () => {
  it.each([
    [0, 0, 'Nobody has voted yet'],
    [0, 1, '0 of 1 has voted'],
    [5, 7, '5 of 7 have voted'],
  ])('%i of %i', (done, total, line) => {
    expect(progressLine({ done, total })).toBe(line);
  });
});

describe('peopleHere', () => {
  const c = (seatId: string, name: string, role: SeatConnection['role'] = 'participant', showsPresence = true): SeatConnection => ({ seatId, name, role, showsPresence });
  it.each<[string, SeatConnection[], string[]]>([
    ['nobody connected', [], []],
    ['one per seat: two devices, two tabs, board and control sockets', [c('a', 'Ana'), c('a', 'Ana', 'participant', false), c('a', 'Ana'), c('b', 'Bo')], ['Ana:participant', 'Bo:participant']],
    ['projector and view-only links are nobody', [c('a', 'Ana'), c('v', '', 'viewer'), c('w', 'Wall', 'viewer')], ['Ana:participant']],
    ['a seat with a facilitator connection is the facilitator', [c('f', 'Fay', 'participant'), c('f', 'Fay', 'facilitator', false)], ['Fay:facilitator']],
    ['a stock client that never said who it is is nobody', [c('a', 'Ana'), c('s', '', 'participant', false)], ['Ana:participant']],
    ['named without presence (a tool that named its seat) counts', [c('t', 'Tablet', 'participant', false)], ['Tablet:participant']],
    ['shown on the board without a seat name counts, as Someone', [c('s', '', 'participant', true)], ['Someone:participant']],
  ])('%s', (_name, connections, expected) => {
    expect(peopleHere(connections).map((p) => `${p.name}:${p.role}`)).toEqual(expected);
  });

  it('feeds "N of M": the facilitator and a stock reader are not waited for', () => {
    const people = peopleHere([c('f', 'Fay', 'facilitator'), c('a', 'Ana'), c('a', 'Ana'), c('s', '', 'participant', false), c('v', '', 'viewer')]);
    expect(votingProgress(people, [], voting)).toMatchObject({ total: 1, done: 0, notDone: [{ id: 'a', name: 'Ana', left: 3 }] });
  });
});
