import { describe, expect, it } from 'vitest';
import { groupCandidates } from './groupCandidates.ts';

type Card = { id: string; clusterId?: string };
const card = (id: string, clusterId?: string): Card => (clusterId ? { id, clusterId } : { id });

describe('groupCandidates', () => {
  it.each([
    ['nothing', [], []],
    ['singles keep their order', [card('a'), card('b')], [['a'], ['b']]],
    ['a group sits where its first card is', [card('a', 'a'), card('b'), card('c', 'a')], [['a', 'c'], ['b']]],
    ['a group whose first card was merged away still groups', [card('b', 'x'), card('c', 'x'), card('d')], [['b', 'c'], ['d']]],
    ['a cluster of one shows as a single card', [card('a', 'gone'), card('b')], [['a'], ['b']]],
    ['two groups', [card('a', 'a'), card('b', 'b'), card('c', 'a'), card('d', 'b')], [['a', 'c'], ['b', 'd']]],
    // From the Pick step's copy of this rule, now the same function.
    ['a cluster whose first card is gone', [card('b', 'gone'), card('c', 'gone'), card('d')], [['b', 'c'], ['d']]],
    ['two clusters keep the board order', [card('a', 'x'), card('b', 'y'), card('c', 'x'), card('d', 'y')], [['a', 'c'], ['b', 'd']]],
  ] as const)('%s', (_name, cards, expected) => {
    expect(groupCandidates(cards).map((u) => u.cards.map((c) => c.id))).toEqual(expected);
  });

  it('gives every unit a distinct key', () => {
    const units = groupCandidates([card('a', 'a'), card('a2', 'a'), card('b')]);
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length);
  });
});
