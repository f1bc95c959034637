import { describe, expect, it } from 'vitest';
import { BoardDoc, ORIGIN } from '@okr/shared/doc';
import { writeCards } from './writeCards.ts';

describe('writeCards', () => {
  it.each([
    ['a candidate written where its writer looks keeps that place', 'draft', { x: 40, y: -80 }],
    ['a key result too', 'brainstorm', { x: 0, y: 300 }],
    ['without a place the tidy layout places it later', 'draft', undefined],
  ] as const)('%s', (_name, step, pos) => {
    const board = new BoardDoc();
    const [id] = writeCards(board, step, [{ text: 'Fast checkout', pos }], { id: 'ana', name: 'Ana' }, ORIGIN.user);
    const card = step === 'draft' ? board.candidates.get(id!) : board.keyResults.get(id!);
    expect(card?.pos).toEqual(pos);
  });
});
