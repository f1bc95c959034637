import { describe, expect, it } from 'vitest';
import { BoardDoc } from './boardDoc.ts';
import { ControlDoc } from './controlDoc.ts';
import { createUndoManager } from './undo.ts';

/** A board with two key results and an initiative linked to both, as the Brainstorm and Refine steps leave it. */
function linkedBoard() {
  const board = new BoardDoc();
  const conversion = board.addKeyResult({ title: 'Checkout conversion from 58% to 65%' });
  const reminder = board.addKeyResult({ title: 'Build a cart reminder', ownerName: 'Dan', ownerEmail: 'dan@example.com' });
  const emails = board.addInitiative({ title: 'Cart reminder emails', keyResultIds: [reminder, conversion] });
  return { board, conversion, reminder, emails };
}

describe('key results leave no broken links behind', () => {
  it.each([
    ['removing one', (b: BoardDoc, id: string) => b.removeKeyResult(id)],
    // The Refine step's "Move to initiatives" used to leave the old id on initiatives (issue 13).
    ['moving one to initiatives', (b: BoardDoc, id: string) => void b.moveKeyResultToInitiatives(id)],
  ])('%s cleans every initiative\'s keyResultIds', (_name, act) => {
    const { board, conversion, reminder, emails } = linkedBoard();
    act(board, reminder);
    expect(board.keyResults.list().map((kr) => kr.id)).toEqual([conversion]);
    expect(board.initiatives.get(emails)?.keyResultIds).toEqual([conversion]);
  });

  it('moves the title and owner onto the new initiative', () => {
    const { board, reminder } = linkedBoard();
    const id = board.moveKeyResultToInitiatives(reminder);
    expect(board.initiatives.get(id)).toMatchObject({ title: 'Build a cart reminder', ownerName: 'Dan', ownerEmail: 'dan@example.com', keyResultIds: [] });
  });

  it('undoes a move in one step, links included', () => {
    const { board, reminder, emails } = linkedBoard();
    const undo = createUndoManager(board);
    undo.stopCapturing();
    board.moveKeyResultToInitiatives(reminder);
    undo.undo();
    expect(board.keyResults.has(reminder)).toBe(true);
    expect(board.initiatives.list().map((i) => i.id)).toEqual([emails]);
    expect(board.initiatives.get(emails)?.keyResultIds).toContain(reminder);
  });

  it('refuses to move a key result someone deleted meanwhile', () => {
    const { board, reminder } = linkedBoard();
    board.removeKeyResult(reminder);
    expect(() => board.moveKeyResultToInitiatives(reminder)).toThrow(/deleted by someone else/);
  });
});

describe('parking', () => {
  it.each([
    ['an unsorted candidate', false],
    ['a discarded candidate, which stops being discarded', true],
  ])('parks %s under its own words', (_name, discarded) => {
    const board = new BoardDoc();
    const candidate = board.addCandidate({ text: 'Mobile app parity', ...(discarded ? { discarded } : {}) });
    const id = board.parkCandidate(candidate, { reason: 'Platform team first', ownerName: 'Ben' });
    expect(board.parked.get(id)).toMatchObject({ text: 'Mobile app parity', reason: 'Platform team first', ownerName: 'Ben', candidateId: candidate });
    expect(board.candidates.get(candidate)?.discarded).toBeUndefined();
  });

  it.each([
    ['back to unsorted', false, undefined],
    ['straight to discarded', true, true],
  ])('unparks %s', (_name, discard, discarded) => {
    const board = new BoardDoc();
    const candidate = board.addCandidate({ text: 'Mobile app parity' });
    const parkedId = board.parkCandidate(candidate, { reason: 'later' });
    board.unpark(parkedId, { discard });
    expect(board.parked.list()).toEqual([]);
    expect(board.candidates.get(candidate)?.discarded).toBe(discarded);
  });

  it.each([
    [true, true],
    [false, undefined],
  ])('sets discarded %s', (discarded, stored) => {
    const board = new BoardDoc();
    const candidate = board.addCandidate({ text: 'Brand refresh', discarded: true });
    board.setDiscarded(candidate, discarded);
    expect(board.candidates.get(candidate)?.discarded).toBe(stored);
  });
});

describe('ControlDoc confidence reveal', () => {
  it('reveals several key results at once and hides one, keeping the others', () => {
    const control = new ControlDoc();
    control.revealConfidence(['kr-a']);
    control.revealConfidence(['kr-b', 'kr-c']);
    control.hideConfidence('kr-b');
    expect(control.state().confidenceRevealed).toEqual({ 'kr-a': true, 'kr-b': false, 'kr-c': true });
  });
});
