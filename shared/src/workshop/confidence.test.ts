import { describe, expect, it } from 'vitest';
import { averageConfidence, averagesToKeep } from './confidence.ts';

const votes: Record<string, { value: number }[]> = {
  a: [{ value: 0.6 }, { value: 0.8 }],
  b: [{ value: 0.4 }],
  c: [{ value: 1 }],
  d: [],
};
const votesFor = (id: string) => votes[id] ?? [];

describe('averageConfidence', () => {
  it.each([
    ['votes of 3 and 4 fingers', [0.6, 0.8], 0.7],
    ['3, 4 and 4 fingers (3.67), to a tenth of a finger: 3.7', [0.6, 0.8, 0.8], 0.74],
    ['3, 4 and 3 fingers (3.33): 3.3, never 3.4', [0.6, 0.8, 0.6], 0.66],
    ['5, 5 and 4 fingers (4.67): 4.7', [1, 1, 0.8], 0.94],
    ['nobody voted', [], undefined],
  ])('%s', (_name, values, average) => {
    expect(averageConfidence(values)).toBe(average);
  });
});

describe('averagesToKeep ("Keep all")', () => {
  it.each([
    ['keeps every revealed average not kept yet', [{ id: 'a' }, { id: 'b' }], { a: true, b: true }, [{ keyResultId: 'a', confidence: 0.7 }, { keyResultId: 'b', confidence: 0.4 }]],
    ['skips one still blind', [{ id: 'a' }, { id: 'b' }], { a: true }, [{ keyResultId: 'a', confidence: 0.7 }]],
    ['skips one already kept', [{ id: 'a', confidence: 0.7 }, { id: 'c', confidence: 0.6 }], { a: true, c: true }, [{ keyResultId: 'c', confidence: 1 }]],
    ['skips one nobody voted on', [{ id: 'd' }], { d: true }, []],
  ] as const)('%s', (_name, keyResults, revealed, kept) => {
    expect(averagesToKeep(keyResults, votesFor, revealed)).toEqual(kept);
  });
});
