import { describe, expect, it } from 'vitest';
import { cardAuthors, defaultMergeTarget, mergedAuthorsOf, suggestedMergeText } from './merge.ts';

describe('merging candidates', () => {
  it.each([
    ['no author', {}, []],
    ['its own author', { authorId: 'a', authorName: 'Ana' }, ['Ana']],
    ['own first, then merged', { authorId: 'a', authorName: 'Ana', mergedAuthors: [{ id: 'b', name: 'Ben' }] }, ['Ana', 'Ben']],
    ['each person once, by id', { authorId: 'a', authorName: 'Ana', mergedAuthors: [{ id: 'a', name: 'Ana' }, { id: 'b', name: 'Ben' }, { id: 'b', name: 'Ben' }] }, ['Ana', 'Ben']],
    ['by name when no id (imported)', { authorName: 'Ana', mergedAuthors: [{ name: 'Ana' }, { name: 'Cy' }] }, ['Ana', 'Cy']],
    ['merged authors on a card whose own author is unknown', { mergedAuthors: [{ id: 'b', name: 'Ben' }] }, ['Ben']],
  ])('cardAuthors: %s', (_name, card, names) => {
    expect(cardAuthors(card).map((a) => a.name)).toEqual(names);
  });

  it.each([
    ['the duplicate’s author', { authorId: 'a', authorName: 'Ana' }, { authorId: 'b', authorName: 'Ben' }, ['Ben']],
    ['and the authors merged into it before', { authorId: 'a', authorName: 'Ana' }, { authorId: 'b', authorName: 'Ben', mergedAuthors: [{ id: 'c', name: 'Cy' }] }, ['Ben', 'Cy']],
    ['not the kept card’s own author again', { authorId: 'a', authorName: 'Ana' }, { authorId: 'a', authorName: 'Ana' }, []],
    ['keeping earlier merged authors', { authorId: 'a', authorName: 'Ana', mergedAuthors: [{ id: 'c', name: 'Cy' }] }, { authorId: 'b', authorName: 'Ben' }, ['Cy', 'Ben']],
    ['none on anonymous cards', {}, {}, []],
  ])('mergedAuthorsOf keeps %s', (_name, keep, dup, names) => {
    expect(mergedAuthorsOf(keep, dup).map((a) => a.name)).toEqual(names);
  });

  it.each([
    ['Delight buyers', 'delight buyers ', 'Delight buyers'],
    ['A', 'B', 'A / B'],
  ])('suggests the wording of %j + %j', (keep, dup, expected) => {
    expect(suggestedMergeText(keep, dup)).toBe(expected);
  });

  const a = { id: 'a' };
  const b = { id: 'b', clusterId: 'b' };
  const c = { id: 'c', clusterId: 'b' };
  const d = { id: 'd' };
  it.each([
    ['the card it is grouped with', c, [a, b, d], 'b'],
    ['the other card of the group, whichever comes first', b, [a, d, c], 'c'],
    ['the first card when it is in no group', d, [a, b, c], 'a'],
    ['the first card when its group has no other card left', { id: 'e', clusterId: 'e' }, [a, b], 'a'],
    ['nothing when there is no other card', a, [], undefined],
  ])('Merge into… offers %s', (_name, card, options, expected) => {
    expect(defaultMergeTarget(card, options)?.id).toBe(expected);
  });
});
