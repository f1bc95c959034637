import { describe, expect, it } from 'vitest';
import { CLOSED_FORMS, createBoardUiStore, hasUnsavedWork } from './boardUi.ts';

describe('createBoardUiStore: one UI store per room connection', () => {
  it('starts with nothing open, held, looked back at or unsaved', () => {
    const ui = createBoardUiStore().getState();
    expect(ui.lookingAt).toBeNull();
    expect(ui.heldAt).toBeNull();
    expect(ui.editingId).toBeNull();
    expect(ui.pendingMove).toBeNull();
    expect(ui.unsaved).toEqual({});
    expect(hasUnsavedWork(ui)).toBe(false);
    expect(ui.forms).toEqual(CLOSED_FORMS);
  });

  it('a second board starts fresh whatever the first one left behind', () => {
    const first = createBoardUiStore();
    first.getState().lookAt('context');
    first.getState().hold('draft');
    first.getState().edit('card-1');
    first.getState().markUnsaved('editor-1', true);
    first.getState().askToMove({ to: 'pick', unmet: [{ message: 'No candidate objectives yet' }] });
    first.getState().openForm('menu', 'menu-1');
    first.getState().openForm('addToParkingLot', true);

    const second = createBoardUiStore().getState();
    expect(second.lookingAt).toBeNull();
    expect(second.heldAt).toBeNull();
    expect(second.editingId).toBeNull();
    expect(second.pendingMove).toBeNull();
    expect(hasUnsavedWork(second)).toBe(false);
    expect(second.forms).toEqual(CLOSED_FORMS);
    // The first board's state is its own, untouched by the second store.
    expect(first.getState().editingId).toBe('card-1');
    expect(hasUnsavedWork(first.getState())).toBe(true);
  });

  it.each([
    ['marking an editor unsaved', [['a', true]], { a: true }],
    ['marking it saved again', [['a', true], ['a', false]], {}],
    ['two editors, one saved', [['a', true], ['b', true], ['a', false]], { b: true }],
    ['saving an editor that was never unsaved', [['a', false]], {}],
  ] as const)('markUnsaved: %s', (_name, marks, expected) => {
    const store = createBoardUiStore();
    for (const [key, unsaved] of marks) store.getState().markUnsaved(key, unsaved);
    expect(store.getState().unsaved).toEqual(expected);
  });

  it('one home for open forms: opening one kind leaves the others as they were', () => {
    const store = createBoardUiStore();
    store.getState().openForm('targetPicker', { cardId: 'c1', mode: 'merge' });
    store.getState().openForm('parkForm', { kind: 'park', key: 'c:c2', text: 'Delight first-time buyers' });
    store.getState().openForm('targetPicker', { cardId: 'c3', mode: 'group' });
    store.getState().openForm('parkForm', null);
    expect(store.getState().forms).toEqual({ ...CLOSED_FORMS, targetPicker: { cardId: 'c3', mode: 'group' } });
  });

  it('markUnsaved with no change keeps the same state, so nothing re-renders', () => {
    const store = createBoardUiStore();
    store.getState().markUnsaved('a', true);
    const before = store.getState();
    store.getState().markUnsaved('a', true);
    expect(store.getState()).toBe(before);
  });
});
