import { describe, expect, it } from 'vitest';
import { canvasPage, canvasPages, within } from './canvasPages.ts';
import { layoutCanvas, type LayoutCard, type LayoutCluster } from './canvasLayout.ts';
import { GAP, NOTE_H, NOTE_W, type Rect } from './canvasGeometry.ts';

const WINDOW = { w: 940, h: 330 };
// A window four notes wide keeps the cases short; the projector's own is narrower (PROJECTOR_WINDOW).
const loose = (n: number): LayoutCard[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
const inside = (page: Rect, r: Rect) => within(r, page);

describe('canvasPages', () => {
  it.each<[string, LayoutCard[], LayoutCluster[], Rect[]]>([
    ['an empty canvas has no pages', [], [], []],
    ['one note is one page around it', loose(1), [], [{ x: 0, y: 0, w: NOTE_W, h: NOTE_H }]],
    // The tidy grid is four notes wide (860 units): two rows fit a page, the third starts the next.
    ['eight notes in rows of four: two rows a page', loose(8), [], [{ x: 0, y: 0, w: 4 * NOTE_W + 3 * GAP, h: 2 * NOTE_H + GAP }]],
    [
      'twelve notes: the third row on a second page',
      loose(12),
      [],
      [
        { x: 0, y: 0, w: 4 * NOTE_W + 3 * GAP, h: 2 * NOTE_H + GAP },
        { x: 0, y: 2 * (NOTE_H + GAP), w: 4 * NOTE_W + 3 * GAP, h: NOTE_H },
      ],
    ],
    [
      'a note far away on the same row gets its own page; its neighbour joins the first',
      [
        { id: 'a', pos: { x: 0, y: 0 } },
        { id: 'far', pos: { x: 3000, y: 0 } },
        { id: 'b', pos: { x: 0, y: 200 } },
      ],
      [],
      [
        { x: 0, y: 0, w: NOTE_W, h: 200 + NOTE_H },
        { x: 3000, y: 0, w: NOTE_W, h: NOTE_H },
      ],
    ],
  ])('%s', (_name, cards, clusters, expected) => {
    expect(canvasPages(layoutCanvas(cards, clusters), WINDOW)).toEqual(expected);
  });

  it.each<[string, LayoutCard[], LayoutCluster[], number]>([
    ['a cluster that fits stays whole on one page, beside a loose note', [{ id: 'a', clusterId: 'k' }, { id: 'b', clusterId: 'k' }, { id: 'x', pos: { x: 600, y: 0 } }], [{ id: 'k', name: 'Speed', pos: { x: 0, y: 0 } }], 1],
    ['a cluster too large for a page is shown note by note', Array.from({ length: 9 }, (_, i) => ({ id: `m${i}`, clusterId: 'k' })), [{ id: 'k', name: 'Big', pos: { x: 0, y: 0 } }], 2],
    ['thirty scattered notes', Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, pos: { x: (i * 397) % 2400, y: (i * 211) % 1500 } })), [], 0],
  ])('every note is whole on some page, each page fits the window: %s', (_name, cards, clusters, pageCount) => {
    const layout = layoutCanvas(cards, clusters);
    const pages = canvasPages(layout, WINDOW);
    if (pageCount > 0) expect(pages).toHaveLength(pageCount);
    for (const page of pages) expect(page.w <= WINDOW.w && page.h <= WINDOW.h, JSON.stringify(page)).toBe(true);
    for (const note of layout.notes.values()) expect(pages.some((p) => inside(p, { x: note.x, y: note.y, w: NOTE_W, h: NOTE_H })), note.id).toBe(true);
    for (const frame of layout.frames.filter((f) => f.w <= WINDOW.w && f.h <= WINDOW.h)) expect(pages.some((p) => inside(p, frame)), frame.id).toBe(true);
  });

  it.each([
    [0, 0],
    [1, 1],
    [5, 1],
    [-1, 0],
  ])('page %i of two shows region %i', (index, shown) => {
    const pages = [{ x: 0, y: 0, w: 1, h: 1 }, { x: 9, y: 0, w: 1, h: 1 }];
    expect(canvasPage(pages, index)).toBe(pages[shown]);
  });

  it('an empty canvas shows no region', () => {
    expect(canvasPage([], 0)).toBeNull();
  });
});

describe('within', () => {
  const page = { x: 0, y: 0, w: 100, h: 100 };
  it.each([
    ['inside', { x: 10, y: 10, w: 50, h: 50 }, true],
    ['the page itself', page, true],
    ['across its right edge', { x: 60, y: 10, w: 50, h: 50 }, false],
    ['above it', { x: 10, y: -60, w: 50, h: 50 }, false],
  ] as const)('%s', (_name, rect, expected) => {
    expect(within(rect, page)).toBe(expected);
  });
});
