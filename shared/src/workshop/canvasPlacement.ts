import type { CanvasPos } from '../schema/index.ts';
import { GAP, NOTE_H, NOTE_W, overlaps, type Rect } from './canvasGeometry.ts';

const STEP_X = (NOTE_W + GAP) / 2;
const STEP_Y = (NOTE_H + GAP) / 2;
const MAX_RINGS = 400;

/**
 * Where a new note goes: centred on `center` (the middle of its writer's view) when that spot is
 * free, else the nearest free spot on a half-note grid around it, so it never covers another note.
 * `size` places something bigger the same way (a new cluster's frame).
 * @example placeNewNote({ x: 100, y: 60 }, []) // → { x: 0, y: 0 }
 */
export function placeNewNote(center: CanvasPos, taken: readonly Rect[], size: { w: number; h: number } = { w: NOTE_W, h: NOTE_H }): CanvasPos {
  const base = { x: Math.round(center.x - size.w / 2), y: Math.round(center.y - size.h / 2) };
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    for (const [dx, dy] of ringOffsets(ring)) {
      const pos = { x: base.x + dx * STEP_X, y: base.y + dy * STEP_Y };
      if (!taken.some((rect) => overlaps({ ...pos, ...size }, rect, GAP / 2))) return pos;
    }
  }
  // A board this full is far past any workshop; past it, below everything is free.
  return { x: base.x, y: Math.max(...taken.map((r) => r.y + r.h)) + GAP };
}

/** The grid offsets at Chebyshev distance `ring`, nearest first, in an order every device shares. */
function ringOffsets(ring: number): [number, number][] {
  if (ring === 0) return [[0, 0]];
  const out: [number, number][] = [];
  for (let dy = -ring; dy <= ring; dy++) {
    for (let dx = -ring; dx <= ring; dx++) {
      if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) out.push([dx, dy]);
    }
  }
  const dist = ([dx, dy]: [number, number]) => (dx * STEP_X) ** 2 + (dy * STEP_Y) ** 2;
  return out.sort((a, b) => dist(a) - dist(b) || a[1] - b[1] || a[0] - b[0]);
}
