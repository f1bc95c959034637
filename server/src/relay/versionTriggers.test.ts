import { describe, expect, it } from 'vitest';
import { BIG_DELETION_CARDS, DELETION_VERSION_GAP_MS, PERIODIC_VERSION_MS, versionReason, type HistoryState, type RoomEvent } from './versionTriggers.ts';

const NOW = 1_000_000_000;
const control = (before: Partial<Extract<RoomEvent, { kind: 'control' }>['before']>, after: Partial<Extract<RoomEvent, { kind: 'control' }>['after']>): RoomEvent => ({
  kind: 'control',
  before: { step: 'draft', reveals: {}, confidenceRevealed: {}, ...before },
  after: { step: 'draft', reveals: {}, confidenceRevealed: {}, ...after },
});
const changed: HistoryState = { lastVersionAt: NOW - 60_000, loadedAt: NOW - 3_600_000, boardChangedSince: true };
const unchanged: HistoryState = { ...changed, boardChangedSince: false };
const justNow: HistoryState = { ...changed, lastVersionAt: NOW - DELETION_VERSION_GAP_MS + 1 };
const longAgo: HistoryState = { ...changed, lastVersionAt: NOW - PERIODIC_VERSION_MS };
const neverKept: HistoryState = { lastVersionAt: null, loadedAt: NOW - 1_000, boardChangedSince: true };
const neverKeptLongLoaded: HistoryState = { ...neverKept, loadedAt: NOW - PERIODIC_VERSION_MS };

describe('versionReason', () => {
  it.each([
    ['a step change', control({ step: 'draft' }, { step: 'pick' }), changed, 'step'],
    ['a reveal of drafts', control({ reveals: { draft: 1 } }, { reveals: { draft: 2 } }), changed, 'reveal'],
    ['a first reveal of key results', control({}, { reveals: { brainstorm: 1 } }), changed, 'reveal'],
    ['showing a key result\'s confidence votes', control({}, { confidenceRevealed: { kr1: true } }), changed, 'reveal'],
    ['hiding confidence votes', control({ confidenceRevealed: { kr1: true } }, { confidenceRevealed: { kr1: false } }), changed, null],
    ['another control change (timer, lock)', control({}, {}), changed, null],
    ['a step change with the board as last kept', control({ step: 'draft' }, { step: 'pick' }), unchanged, null],
    ['an update deleting more than a few cards', { kind: 'boardUpdate', cardsDeleted: BIG_DELETION_CARDS + 1 }, changed, 'deletion'],
    ['an update deleting a few cards', { kind: 'boardUpdate', cardsDeleted: BIG_DELETION_CARDS }, changed, null],
    ['a busy board past the period', { kind: 'boardUpdate', cardsDeleted: 0 }, longAgo, 'periodic'],
    ['a busy board within the period', { kind: 'boardUpdate', cardsDeleted: 0 }, changed, null],
    ['a big deletion moments after the last version (a delete loop cannot make a snapshot per update)', { kind: 'boardUpdate', cardsDeleted: 11 }, justNow, null],
    ['a big deletion in a room with no version yet', { kind: 'boardUpdate', cardsDeleted: 11 }, neverKept, 'deletion'],
    ['a busy room with no version yet, loaded moments ago', { kind: 'boardUpdate', cardsDeleted: 0 }, neverKept, null],
    ['a busy room with no version yet, loaded for the period', { kind: 'boardUpdate', cardsDeleted: 0 }, neverKeptLongLoaded, 'periodic'],
    ['a big deletion of a board already kept as it is', { kind: 'boardUpdate', cardsDeleted: 11 }, unchanged, null],
  ] as const)('%s: %s', (_name, event, state, expected) => {
    expect(versionReason(event, state, NOW)).toBe(expected);
  });
});
