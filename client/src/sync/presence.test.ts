import { describe, expect, it } from 'vitest';
import { parsePresence, samePeopleApartFromPointers, type Presence } from './presence.ts';

const ana: Presence = { clientId: 1, user: { id: 'a', name: 'Ana', color: '#f00', role: 'participant' } };

describe('samePeopleApartFromPointers', () => {
  it.each<[string, Presence[], Presence[], boolean]>([
    ['nothing changed', [ana], [{ ...ana }], true],
    ['only the cursor moved', [{ ...ana, cursor: { step: 'context', x: 1, y: 2 } }], [{ ...ana, cursor: { step: 'context', x: 5, y: 9 } }], true],
    ['a drag and a view moved', [ana], [{ ...ana, dragging: { step: 'draft', id: 'n', x: 0, y: 0 }, view: { step: 'draft', x: 0, y: 0, w: 10, h: 10 } }], true],
    ['someone joined', [ana], [ana, { ...ana, clientId: 2, user: { ...ana.user, id: 'b', name: 'Ben' } }], false],
    ['drafts changed', [ana], [{ ...ana, drafts: { draft: 2 } }], false],
    ['ready changed', [ana], [{ ...ana, ready: { 'context:0': true } }], false],
  ])('%s', (_name, a, b, same) => {
    expect(samePeopleApartFromPointers(a, b)).toBe(same);
  });
});

describe('parsePresence', () => {
  const user = { id: 'a', name: 'Ana', color: '#f00', role: 'participant' };
  it.each<[string, unknown, boolean]>([
    ['a person with a cursor', { user, cursor: { step: 'context', x: 1, y: 2 } }, true],
    ['no user', { cursor: { step: 'context', x: 1, y: 2 } }, false],
    ['a cursor on a step with no canvas', { user, cursor: { step: 'refine', x: 1, y: 2 } }, false],
    ['a cursor miles away', { user, cursor: { step: 'context', x: 1e9, y: 0 } }, false],
    ['not an object', 'hello', false],
    ['null (someone left)', null, false],
  ])('%s', (_name, state, valid) => {
    expect(parsePresence(state) !== null).toBe(valid);
  });

  it('validates each state object once: the same object gives the same result, a new one is read afresh', () => {
    const state = { user, cursor: { step: 'context', x: 1, y: 2 } };
    const first = parsePresence(state);
    expect(parsePresence(state)).toBe(first);
    const moved = { ...state, cursor: { step: 'context', x: 5, y: 2 } };
    expect(parsePresence(moved)?.cursor).toEqual({ step: 'context', x: 5, y: 2 });
  });
});
