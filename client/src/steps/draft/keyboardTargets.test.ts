import { describe, expect, it } from 'vitest';
import { nextTarget, type Box, type Direction } from './keyboardTargets.ts';

// A 3-column grid, two rows; the second row is a few pixels off (cards of different heights).
const box = (id: string, left: number, top: number): Box => ({ id, left, top, width: 200, height: 80 });
const grid = [box('a', 0, 0), box('b', 220, 0), box('c', 440, 4), box('d', 0, 100), box('e', 220, 104)];

describe('nextTarget', () => {
  it.each([
    ['→ from a', 'a', 'right', 'b'],
    ['→ along the row despite a small offset', 'b', 'right', 'c'],
    ['→ wraps to the next row', 'c', 'right', 'd'],
    ['→ at the end stays', 'e', 'right', null],
    ['← from d goes back up a row', 'd', 'left', 'c'],
    ['← at the start stays', 'a', 'left', null],
    ['↓ keeps the column', 'b', 'down', 'e'],
    ['↓ from the bottom row stays', 'd', 'down', null],
    ['↑ keeps the column', 'e', 'up', 'b'],
    ['↓ from a column with nothing below goes to the nearest below', 'c', 'down', 'e'],
  ] as const)('%s', (_name, fromId, direction, expected) => {
    const from = grid.find((b) => b.id === fromId)!;
    const others = grid.filter((b) => b.id !== fromId);
    expect(nextTarget(from, others, direction as Direction)).toBe(expected);
  });

  it('from the dragged card\'s own place, → goes to the card after it', () => {
    expect(nextTarget({ left: 220, top: 0 }, grid.filter((b) => b.id !== 'b'), 'right')).toBe('c');
  });
});
