import { describe, expect, it } from 'vitest';
import { sameApartFrom, sameValue } from './apartFromText.ts';

type Card = { id: string; text: string; pos?: { x: number; y: number }; clusterId?: string; mergedAuthors?: { name: string }[] };

const a: Card = { id: 'a', text: 'Churn 3%', pos: { x: 10, y: 20 } };
const b: Card = { id: 'b', text: 'NPS 40', mergedAuthors: [{ name: 'Ana' }] };

describe('sameApartFrom', () => {
  const same = sameApartFrom(['text']);
  it.each<[string, Card[], Card[], boolean]>([
    ['the same list', [a, b], [a, b], true],
    ['a card reworded (a new record)', [a, b], [{ ...a, text: 'Churn 2%' }, b], true],
    ['a card re-read with equal fields (new objects)', [a, b], [{ ...a, pos: { x: 10, y: 20 } }, { ...b, mergedAuthors: [{ name: 'Ana' }] }], true],
    ['a card moved', [a, b], [{ ...a, pos: { x: 11, y: 20 } }, b], false],
    ['a card placed for the first time', [b], [{ ...b, pos: { x: 0, y: 0 } }], false],
    ['a card put in a cluster', [a], [{ ...a, clusterId: 'k' }], false],
    ['a card taken out of its cluster', [{ ...a, clusterId: 'k' }], [a], false],
    ['an author added by a merge', [b], [{ ...b, mergedAuthors: [{ name: 'Ana' }, { name: 'Ben' }] }], false],
    ['the order changed', [a, b], [b, a], false],
    ['a card added', [a], [a, b], false],
    ['a card removed', [a, b], [a], false],
  ])('%s: %s', (_name, before, after, expected) => {
    expect(same(before, after)).toBe(expected);
  });
});

describe('sameValue', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    ['x', 'y', false],
    [undefined, null, false],
    [{ x: 1 }, { x: 1 }, true],
    [{ x: 1 }, { x: 1, y: 2 }, false],
    [[1, [2]], [1, [2]], true],
    [[1], { 0: 1 }, false],
    [NaN, NaN, true],
  ])('%j and %j: %s', (x, y, expected) => {
    expect(sameValue(x, y)).toBe(expected);
  });
});
