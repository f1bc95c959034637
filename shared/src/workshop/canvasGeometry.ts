import type { CanvasPos } from '../schema/index.ts';

/** A note's size on every canvas, in canvas units; fixed so every screen lays the board out alike. */
export const NOTE_W = 200;
export const NOTE_H = 120;
export const GAP = 20;
/** Inside a cluster's frame: padding around its notes and the band with its name. */
export const CLUSTER_PAD = 16;
export const CLUSTER_HEADER = 48;

export type Rect = { x: number; y: number; w: number; h: number };

/** Whether two rectangles come closer than `gap` (touching counts as apart when `gap` is 0). */
export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

export function noteRect(pos: CanvasPos): Rect {
  return { x: pos.x, y: pos.y, w: NOTE_W, h: NOTE_H };
}

export function contains(rect: Rect, point: CanvasPos): boolean {
  return point.x >= rect.x && point.x < rect.x + rect.w && point.y >= rect.y && point.y < rect.y + rect.h;
}

/** The smallest rectangle around all of them, or null for none. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.w);
    bottom = Math.max(bottom, r.y + r.h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}
