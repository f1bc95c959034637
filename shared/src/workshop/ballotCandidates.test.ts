import { describe, expect, it } from 'vitest';
import type { Candidate, Cluster, Voting } from '../schema/index.ts';
import { ballotCandidates, ballotIds, UNNAMED_CLUSTER } from './ballotCandidates.ts';
import { checkBallot } from './voting.ts';

const card = (id: string, extra: Partial<Candidate> = {}): Candidate => ({ id, text: id.toUpperCase(), order: id.charCodeAt(0), ...extra });
const cluster = (id: string, name: string, step: Cluster['step'] = 'draft'): Cluster => ({ id, step, name, pos: { x: 0, y: 0 }, order: 1 });
const shown = (entries: ReturnType<typeof ballotCandidates>) => entries.map((e) => [e.id, e.text, e.notes?.map((n) => n.id) ?? null]);

describe('ballotCandidates', () => {
  it.each([
    ['cards on their own', [card('a'), card('b')], [], [['a', 'A', null], ['b', 'B', null]]],
    ['a named cluster is one candidate, where its first card is', [card('a'), card('b', { clusterId: 'k' }), card('c'), card('d', { clusterId: 'k' })], [cluster('k', 'Speed')], [['a', 'A', null], ['k', 'Speed', ['b', 'd']], ['c', 'C', null]]],
    ['an unnamed cluster says so', [card('a', { clusterId: 'k' })], [cluster('k', '  ')], [['k', UNNAMED_CLUSTER, ['a']]]],
    ['a discarded card is off the ballot, in a cluster too', [card('a', { discarded: true }), card('b', { clusterId: 'k', discarded: true }), card('c', { clusterId: 'k' })], [cluster('k', 'Speed')], [['k', 'Speed', ['c']]]],
    ['a cluster of only discarded cards is off the ballot', [card('a', { clusterId: 'k', discarded: true }), card('b')], [cluster('k', 'Speed')], [['b', 'B', null]]],
    ['an empty cluster is off the ballot', [card('a')], [cluster('k', 'Speed')], [['a', 'A', null]]],
    ['a group made before the canvas (no cluster record) stays cards', [card('a', { clusterId: 'a' }), card('b', { clusterId: 'a' })], [], [['a', 'A', null], ['b', 'B', null]]],
    ['a cluster of another step does not count', [card('a', { clusterId: 'k' })], [cluster('k', 'Context', 'context')], [['a', 'A', null]]],
  ] as const)('%s', (_name, candidates, clusters, expected) => {
    expect(shown(ballotCandidates(candidates, clusters))).toEqual(expected);
  });
});

describe('checkBallot with clusters as candidates', () => {
  const open: Voting = { roundId: 'r1', status: 'open', dotsPerPerson: 3, capPerItem: 2 };
  const ids = ballotIds(ballotCandidates([card('a'), card('b', { clusterId: 'k' }), card('c', { clusterId: 'k' }), card('d', { clusterId: 'gone' })], [cluster('k', 'Speed')]));
  it.each([
    ['dots on a cluster', { k: 2, a: 1 }, null],
    ['a card and a cluster record that is gone stands alone', { d: 1 }, null],
    ['the per-candidate cap holds for a cluster', { k: 3 }, 'cap-reached'],
    ['the budget counts dots on clusters', { k: 2, a: 2 }, 'no-dots-left'],
    ['a card inside a cluster is not a candidate itself', { b: 1 }, 'unknown-candidate'],
    ['an unknown cluster id is refused', { gone: 1 }, 'unknown-candidate'],
  ] as const)('%s', (_name, dots, expected) => {
    expect(checkBallot('r1', dots, open, ids)).toBe(expected);
  });
});
