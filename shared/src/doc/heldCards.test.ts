import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { HeldCardError} from './heldCards.ts';
import { HeldCards, MAX_HELD_PER_WRITER } from './heldCards.ts';

const held = () => new HeldCards(new Y.Doc(), 'test');
const ids = (cards: { id: string }[]) => cards.map((c) => c.id).sort();

describe('HeldCards', () => {
  it.each([
    ['holds drafts until their step opens', (h: HeldCards) => h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], false), [], 1],
    ['a later offer replaces the set: missing drafts are withdrawn', (h: HeldCards) => {
      h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }, { id: 'a2', text: 'B' }], false);
      h.offer('ana', 'draft', [{ id: 'a2', text: 'B, reworded' }], false);
    }, [], 1],
    ['one writer’s offer leaves another’s drafts alone', (h: HeldCards) => {
      h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], false);
      h.offer('bo', 'draft', [], false);
    }, [], 1],
    ['cards offered while writing is open are due at once', (h: HeldCards) => h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], true), ['a1'], 0],
    ['a due card cannot be withdrawn by a later offer', (h: HeldCards) => {
      h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], true);
      h.offer('ana', 'draft', [], false);
    }, ['a1'], 0],
    ['releasing a step makes its drafts due, not another step’s', (h: HeldCards) => {
      h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], false);
      h.offer('ana', 'brainstorm', [{ id: 'k1', text: 'K' }], false);
      h.releaseStep('draft');
    }, ['a1'], 0],
  ] as const)('%s', (_name, act, due, heldForDraft) => {
    const h = held();
    act(h);
    expect(ids(h.due())).toEqual(due);
    expect(h.heldFor('draft')).toBe(heldForDraft);
  });

  it.each([
    ['an id another writer holds', (h: HeldCards) => h.offer('bo', 'draft', [{ id: 'a1', text: 'mine now' }], false), 'id-taken'],
    ['the same id in another step', (h: HeldCards) => h.offer('ana', 'brainstorm', [{ id: 'a1', text: 'x' }], false), 'id-taken'],
    ['a malformed id', (h: HeldCards) => h.offer('ana', 'draft', [{ id: 'no spaces', text: 'x' }], false), 'invalid-card'],
    ['a text past 500 characters', (h: HeldCards) => h.offer('ana', 'draft', [{ id: 'a9', text: 'x'.repeat(501) }], false), 'invalid-card'],
    ['more cards than one person writes', (h: HeldCards) => h.offer('ana', 'draft', Array.from({ length: MAX_HELD_PER_WRITER + 1 }, (_, i) => ({ id: `c${i}`, text: 'x' })), false), 'too-many'],
  ] as const)('refuses %s and changes nothing', (_name, act, code) => {
    const h = held();
    h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], false);
    const before = Y.encodeStateAsUpdate(h.ydoc);
    expect(() => act(h)).toThrow(expect.objectContaining({ code }) as HeldCardError);
    expect(Y.encodeStateAsUpdate(h.ydoc)).toEqual(before);
  });

  it('never names the writer in what it gives out for publishing', () => {
    const h = held();
    h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], true);
    expect(h.due()).toEqual([{ id: 'a1', step: 'draft', text: 'A' }]);
  });

  it('forgets published cards, and moves a merged seat’s cards to the seat it joined', () => {
    const h = held();
    h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }, { id: 'a2', text: 'B' }], false);
    h.remove(['a1']);
    h.moveWriter('ana', 'ana2');
    expect(h.idsOf('ana')).toEqual([]);
    expect(h.idsOf('ana2')).toEqual(['a2']);
  });

  it('survives a reload of its document: what is held is in the stored state', () => {
    const h = held();
    h.offer('ana', 'draft', [{ id: 'a1', text: 'A' }], false);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(h.ydoc));
    expect(new HeldCards(reloaded, 'test').idsOf('ana')).toEqual(['a1']);
  });
});
