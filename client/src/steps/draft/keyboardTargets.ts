/** A droppable's position, as dnd-kit measures it. */
export type Box = { id: string; left: number; top: number; width: number; height: number };
export type Direction = 'left' | 'right' | 'up' | 'down';

/** Rows closer than this count as one row when reading left to right. */
const ROW_TOLERANCE = 12;

/**
 * Where a keyboard drag goes next from `from` (the dragged card's current box): → and ← step
 * through the cards in reading order, ↓ and ↑ to the nearest card below or above (the same
 * column first). Null when there is nowhere further to go.
 */
export function nextTarget(from: Pick<Box, 'left' | 'top'>, boxes: readonly Box[], direction: Direction): string | null {
  if (direction === 'left' || direction === 'right') {
    const ordered = [...boxes].sort(readingOrder);
    const after = (b: Box) => b.top > from.top + ROW_TOLERANCE || (Math.abs(b.top - from.top) <= ROW_TOLERANCE && b.left > from.left + 1);
    const before = (b: Box) => b.top < from.top - ROW_TOLERANCE || (Math.abs(b.top - from.top) <= ROW_TOLERANCE && b.left < from.left - 1);
    const found = direction === 'right' ? ordered.find(after) : ordered.reverse().find(before);
    return found?.id ?? null;
  }
  const sign = direction === 'down' ? 1 : -1;
  let best: { id: string; score: number } | null = null;
  for (const box of boxes) {
    const dy = (box.top - from.top) * sign;
    if (dy <= ROW_TOLERANCE) continue;
    const score = dy + Math.abs(box.left - from.left) * 2;
    if (!best || score < best.score) best = { id: box.id, score };
  }
  return best?.id ?? null;
}

function readingOrder(a: Box, b: Box): number {
  return Math.abs(a.top - b.top) <= ROW_TOLERANCE ? a.left - b.left : a.top - b.top;
}
