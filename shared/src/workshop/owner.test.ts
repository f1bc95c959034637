import { describe, expect, it } from 'vitest';
import { hasOwner } from './owner.ts';

describe('hasOwner', () => {
  it.each([
    ['nobody', {}, false],
    ['a name', { ownerName: 'Ana' }, true],
    ['an email alone', { ownerEmail: 'ana@example.com' }, true],
    ['both', { ownerName: 'Ana', ownerEmail: 'ana@example.com' }, true],
    ['a blank name', { ownerName: '  ' }, false],
    ['empty strings', { ownerName: '', ownerEmail: '' }, false],
  ])('%s: %s', (_name, record, expected) => {
    expect(hasOwner(record)).toBe(expected);
  });
});
