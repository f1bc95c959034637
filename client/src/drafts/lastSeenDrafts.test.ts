import { describe, expect, it } from 'vitest';
import { offlineLine, offlineWithDrafts, rememberDrafts, type LastSeenDrafts } from './lastSeenDrafts.ts';
import type { WriterPresence } from './writingSummary.ts';

const person = (id: string, name: string, drafts?: Record<string, number>): WriterPresence => ({ seatId: id, user: { name, role: 'participant' }, drafts });

/** Feeds presence snapshots one after another, as awareness changes would. */
const seen = (...snapshots: WriterPresence[][]): LastSeenDrafts => snapshots.reduce<LastSeenDrafts>(rememberDrafts, {});

describe('offline with unrevealed drafts', () => {
  it.each([
    ['nobody left', [[person('a', 'Ana', { draft: 2 })]], [person('a', 'Ana', { draft: 2 })], 'draft', []],
    ['someone left holding drafts', [[person('a', 'Ana'), person('b', 'Ben', { draft: 2 })]], [person('a', 'Ana')], 'draft', [{ id: 'b', name: 'Ben', count: 2 }]],
    ['their last count, not an earlier one', [[person('b', 'Ben', { draft: 1 })], [person('b', 'Ben', { draft: 3 })]], [], 'draft', [{ id: 'b', name: 'Ben', count: 3 }]],
    ['not someone whose drafts were published before leaving', [[person('b', 'Ben', { draft: 2 })], [person('b', 'Ben', { draft: 0 })]], [], 'draft', []],
    ['only drafts of the asked step', [[person('b', 'Ben', { brainstorm: 2 })]], [], 'draft', []],
    ['not someone back again', [[person('b', 'Ben', { draft: 2 })], []], [person('b', 'Ben', { draft: 2 })], 'draft', []],
    ['not this device’s own drafts, keyed by device before its seat was known', [[{ ...person('device:7', 'Fay', { draft: 3 }), isMe: true }]], [{ ...person('s1', 'Fay', { draft: 3 }), isMe: true }], 'draft', []],
    ['several, by name', [[person('c', 'Cy', { draft: 1 }), person('b', 'Ben', { draft: 2 })]], [], 'draft', [{ id: 'b', name: 'Ben', count: 2 }, { id: 'c', name: 'Cy', count: 1 }]],
  ])('%s', (_name, snapshots, now, step, expected) => {
    expect(offlineWithDrafts(seen(...snapshots), now, step)).toEqual(expected);
  });

  it('keeps the same object when presence brings nothing new', () => {
    const known = seen([person('b', 'Ben', { draft: 2 })]);
    expect(rememberDrafts(known, [person('b', 'Ben', { draft: 2 })])).toBe(known);
    expect(rememberDrafts(known, [])).toBe(known);
  });

  it.each([
    [[], ''],
    [[{ id: 'b', name: 'Ben', count: 1 }], 'Ben (1 draft)'],
    [[{ id: 'b', name: 'Ben', count: 2 }, { id: 'c', name: 'Cy', count: 1 }, { id: 'd', name: 'Di', count: 3 }], 'Ben (2 drafts), Cy (1 draft) and Di (3 drafts)'],
  ])('names them: %j', (writers, line) => {
    expect(offlineLine(writers)).toBe(line);
  });
});
