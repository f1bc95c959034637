import { describe, expect, it } from 'vitest';
import type { Candidate } from '@okr/shared/schema';
import { groupCandidates } from './groups.ts';

const card = (id: string, clusterId?: string): Candidate => ({ id, text: id.toUpperCase(), order: 0, ...(clusterId ? { clusterId } : {}) });

describe('groupCandidates', () => {
  it.each([
    ['no candidates', [], []],
    ['each ungrouped card alone', [card('a'), card('b')], [['a'], ['b']]],
    ['a cluster together, at its first card', [card('a', 'a'), card('b'), card('c', 'a')], [['a', 'c'], ['b']]],
    ['a cluster whose first card is gone', [card('b', 'gone'), card('c', 'gone'), card('d')], [['b', 'c'], ['d']]],
    ['two clusters keep the board order', [card('a', 'x'), card('b', 'y'), card('c', 'x'), card('d', 'y')], [['a', 'c'], ['b', 'd']]],
  ])('%s', (_name, candidates, expected) => {
    expect(groupCandidates(candidates).map((g) => g.members.map((m) => m.id))).toEqual(expected);
  });
});
