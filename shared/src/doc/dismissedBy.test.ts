import { describe, expect, it } from 'vitest';
import { BoardDoc } from './boardDoc.ts';

describe('BoardDoc.dismissedBy', () => {
  it.each([
    ['nothing dismissed', (_b: BoardDoc) => {}, []],
    ['one dismissal and who made it', (b: BoardDoc) => b.dismissFinding('kr-has-owner:kr-1', 'Ana'), [['kr-has-owner:kr-1', 'Ana']]],
    [
      'the latest name when dismissed twice',
      (b: BoardDoc) => {
        b.dismissFinding('kr-count:obj', 'Ana');
        b.dismissFinding('kr-count:obj', 'Ben');
      },
      [['kr-count:obj', 'Ben']],
    ],
    [
      'nothing once restored',
      (b: BoardDoc) => {
        b.dismissFinding('kr-count:obj', 'Ana');
        b.restoreFinding('kr-count:obj');
      },
      [],
    ],
  ] as const)('%s', (_name, act, expected) => {
    const board = new BoardDoc();
    act(board);
    expect([...board.dismissedBy()]).toEqual(expected);
    expect(new Set(board.dismissedBy().keys())).toEqual(board.dismissedFindings());
  });
});
