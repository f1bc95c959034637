import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import type { DocName } from '../store/roomStore.ts';
import { mayShowPresence, mayWrite, refusalMayHaveRacedTheLock, sizeLimitApplies } from './writePolicy.ts';

describe('mayWrite', () => {
  const table: [Role, DocName, boolean, boolean][] = [
    // role, document, locked, may write
    ['facilitator', 'board', false, true],
    ['facilitator', 'board', true, true],
    ['facilitator', 'control', false, true],
    ['facilitator', 'control', true, true],
    ['participant', 'board', false, true],
    ['participant', 'board', true, false],
    ['participant', 'control', false, false],
    ['participant', 'control', true, false],
    ['viewer', 'board', false, false],
    ['viewer', 'board', true, false],
    ['viewer', 'control', false, false],
    ['viewer', 'control', true, false],
  ];
  it.each(table)('%s on %s (locked: %s) may write: %s', (role, docName, locked, expected) => {
    expect(mayWrite(role, docName, locked)).toBe(expected);
  });
});

describe('refusalMayHaveRacedTheLock', () => {
  const table: [Role, DocName, boolean][] = [
    ['participant', 'board', true],
    ['participant', 'control', false],
    ['viewer', 'board', false],
    ['viewer', 'control', false],
    ['facilitator', 'board', false],
    ['facilitator', 'control', false],
  ];
  it.each(table)('a refused %s write to %s is held for the unlock: %s', (role, docName, expected) => {
    expect(refusalMayHaveRacedTheLock(role, docName)).toBe(expected);
  });
});

describe('mayShowPresence', () => {
  const table: [Role, DocName, boolean][] = [
    ['facilitator', 'board', true],
    ['participant', 'board', true],
    ['viewer', 'board', false],
    ['facilitator', 'control', false],
    ['participant', 'control', false],
    ['viewer', 'control', false],
  ];
  it.each(table)('%s on %s is shown: %s', (role, docName, expected) => {
    expect(mayShowPresence(role, docName)).toBe(expected);
  });
});

describe('sizeLimitApplies', () => {
  const table: [Role, boolean][] = [
    // A facilitator's restore must work on a full board.
    ['facilitator', false],
    ['participant', true],
    ['viewer', true],
  ];
  it.each(table)('to a %s: %s', (role, expected) => {
    expect(sizeLimitApplies(role)).toBe(expected);
  });
});
