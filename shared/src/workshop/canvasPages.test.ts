import { describe, expect, it } from 'vitest';
import { canvasPage, canvasPages, PROJECTOR_WINDOW, within } from './canvasPages.ts';
import { layoutCanvas, type LayoutCard, type LayoutCluster } from './canvasLayout.ts';
import { GAP, NOTE_H, NOTE_W, noteRect, type Rect } from './canvasGeometry.ts';

const WINDOW = PROJECTOR_WINDOW;
const loose = (n: number): LayoutCard[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
const inside = (page: Rect, r: Rect) => within(r, page);

describe('canvasPages', () => {
  it.each<[string, LayoutCard[], LayoutCluster[], Rect[]]>([
    ['an empty canvas has no pages', [], [], []],
    ['one note is one page around it', loose(1), [], [{ x: 0, y: 0, w: NOTE_W, h: NOTE_H }]],
    // The tidy grid is three notes wide (640 units): three rows fit a page, the fourth starts the next.
    ['nine notes in rows of three: one page', loose(9), [], [{ x: 0, y: 0, w: 3 * NOTE_W + 2 * GAP, h: 3 * NOTE_H + 2 * GAP }]],
    [
      'twelve notes: the fourth row on a second page',
      loose(12),
      [],
      [
        { x: 0, y: 0, w: 3 * NOTE_W + 2 * GAP, h: 3 * NOTE_H + 2 * GAP },
        { x: 0, y: 3 * (NOTE_H + GAP), w: 3 * NOTE_W + 2 * GAP, h: NOTE_H },
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
    ['a cluster too large for a page is shown note by note', Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, clusterId: 'k' })), [{ id: 'k', name: 'Big', pos: { x: 0, y: 0 } }], 2],
    ['thirty scattered notes', Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, pos: { x: (i * 397) % 2400, y: (i * 211) % 1500 } })), [], 0],
  ])('every note is whole on some page, each page fits the window: %s', (_name, cards, clusters, pageCount) => {
    const layout = layoutCanvas(cards, clusters);
    const pages = canvasPages(layout, WINDOW);
    if (pageCount > 0) expect(pages).toHaveLength(pageCount);
    for (const page of pages) expect(page.w <= WINDOW.w && page.h <= WINDOW.h, JSON.stringify(page)).toBe(true);
    for (const note of layout.notes.values()) expect(pages.some((p) => inside(p, { x: note.x, y: note.y, w: NOTE_W, h: NOTE_H })), note.id).toBe(true);
    for (const frame of layout.frames.filter((f) => f.w <= WINDOW.w && f.h <= WINDOW.h)) expect(pages.some((p) => inside(p, frame)), frame.id).toBe(true);
  });

  // Issue 10's realistic board, as its three canvases lay it out with nothing placed yet: the
  // projector's page is three notes across and three rows.
  const realistic: [string, LayoutCard[], number[]][] = [
    // Seven kinds (two metrics): kinds share a row when they fit it, so three rows.
    ['8 context cards of 7 kinds: one page', [0, 1, 2, 3, 4, 5, 5, 6].map((lane, i) => ({ id: `c${i}`, lane })), [8]],
    [
      '10 candidates, three groups of three and one alone: two groups a page',
      [...['a', 'b', 'c'].flatMap((g) => [0, 1, 2].map((i) => ({ id: `${g}${i}`, clusterId: `${g}0` }))), { id: 'alone' }],
      [6, 4],
    ],
    ['5 key results and 3 initiatives: one page', [...[0, 1, 2, 3, 4].map((i) => ({ id: `kr${i}`, lane: 0 })), ...[0, 1, 2].map((i) => ({ id: `in${i}`, lane: 1 }))], [8]],
  ];
  it.each(realistic)('the realistic board: %s', (_name, cards, perPage) => {
    const layout = layoutCanvas(cards, []);
    const pages = canvasPages(layout);
    expect(pages.map((p) => [...layout.notes.values()].filter((n) => within(noteRect(n), p)).length)).toEqual(perPage);
    for (const page of pages) expect(page.w <= PROJECTOR_WINDOW.w && page.h <= PROJECTOR_WINDOW.h, JSON.stringify(page)).toBe(true);
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
