import { boundsOf, noteRect, type Rect } from './canvasGeometry.ts';
import type { CanvasLayout } from './canvasLayout.ts';

/**
 * How much of a canvas, in canvas units, the projector shows at once: three notes across, three rows
 * (the tidy layout's rows are three notes wide), or two clusters of a row each with their names. At
 * 1920×1080 the canvas's area (about 1554×780 px; in Brainstorm THE objective takes the purpose's
 * line, so it is as tall there) holds it at a zoom of 1.89, where a note's 15-unit text is 28 px on
 * screen. The projector's type scales with its width, so every 16:9 projector shows the same.
 */
export const PROJECTOR_WINDOW = { w: 820, h: 400 } as const;

/**
 * The projector's pages of a canvas: regions of it, each fitting `window`, in reading order (top to
 * bottom, then left to right), that together show every note whole. A cluster stays on one page
 * with its name when it fits one; a larger one is shown note by note. Each page starts at the first
 * thing no page shows yet and takes everything else that fits beside it, so nearby notes share a
 * page and the pages follow the canvas's own arrangement. An empty canvas has no pages.
 * @example canvasPages(layoutCanvas(twelveLooseNotes, [])) // → the first three rows of the tidy grid, then the fourth
 */
export function canvasPages(layout: CanvasLayout, window: { w: number; h: number } = PROJECTOR_WINDOW): Rect[] {
  const fits = (r: Rect) => r.w <= window.w && r.h <= window.h;
  const framed = new Set(layout.frames.flatMap((f) => f.noteIds));
  const units: Rect[] = [];
  for (const frame of layout.frames) {
    if (fits(frame)) units.push(frame);
    else for (const id of frame.noteIds) units.push(noteRect(layout.notes.get(id)!));
  }
  for (const note of layout.notes.values()) if (!framed.has(note.id)) units.push(noteRect(note));
  units.sort((a, b) => a.y - b.y || a.x - b.x);

  const pages: Rect[] = [];
  const shown = new Set<Rect>();
  for (const first of units) {
    if (shown.has(first)) continue;
    let page = first;
    shown.add(first);
    for (const other of units) {
      if (shown.has(other)) continue;
      const grown = boundsOf([page, other])!;
      if (fits(grown)) {
        page = grown;
        shown.add(other);
      }
    }
    pages.push(page);
  }
  return pages;
}

/** Whether `inner` lies wholly inside `outer`: a note on the projector's page, rather than one of its neighbours at the edge. */
export function within(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/**
 * The page `index` shows, held to the last one; null for a canvas without pages.
 */
export function canvasPage(pages: readonly Rect[], index: number): Rect | null {
  return pages[Math.max(0, Math.min(pages.length - 1, index))] ?? null;
}
