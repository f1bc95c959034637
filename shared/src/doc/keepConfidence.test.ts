import { describe, expect, it } from 'vitest';
import { BoardDoc } from './boardDoc.ts';
import { createUndoManager } from './undo.ts';

describe('keepConfidence ("Keep all")', () => {
  it('keeps every average in one undoable step and skips a key result deleted meanwhile', () => {
    const board = new BoardDoc();
    const a = board.addKeyResult({ title: 'Checkout conversion from 58% to 65%' });
    const b = board.addKeyResult({ title: 'Churn from 5% to 3%', confidence: 0.2 });
    const undo = createUndoManager(board);
    undo.stopCapturing();
    board.keepConfidence([
      { keyResultId: a, confidence: 0.7 },
      { keyResultId: b, confidence: 0.6 },
      { keyResultId: 'gone', confidence: 1 },
    ]);
    expect(board.keyResults.list().map((kr) => [kr.id, kr.confidence])).toEqual([[a, 0.7], [b, 0.6]]);
    undo.undo();
    expect(board.keyResults.list().map((kr) => [kr.id, kr.confidence])).toEqual([[a, undefined], [b, 0.2]]);
  });
});
