import { describe, expect, it } from 'vitest';
import { placeNewNote } from './canvasPlacement.ts';
import { GAP, NOTE_H, NOTE_W, noteRect, overlaps, type Rect } from './canvasGeometry.ts';

const note = (x: number, y: number): Rect => noteRect({ x, y });

describe('placeNewNote', () => {
  it.each([
    ['an empty canvas: centred on the view', { x: 100, y: 60 }, [], { x: 0, y: 0 }],
    ['rounds to whole units', { x: 100.4, y: 60.6 }, [], { x: 0, y: 1 }],
    ['a free spot beside a note stays where it is looked at', { x: 600, y: 60 }, [note(0, 0)], { x: 500, y: 0 }],
    ['a taken spot: the nearest free one (to the left first at equal distance, above before below)', { x: 100, y: 60 }, [note(0, 0)], { x: 0, y: -140 }],
    ['far from the origin works alike', { x: -5000, y: 9000 }, [], { x: -5100, y: 8940 }],
  ] as const)('%s', (_name, center, taken, expected) => {
    expect(placeNewNote(center, taken)).toEqual(expected);
  });

  it.each([
    ['a row of notes', Array.from({ length: 5 }, (_, i) => note(i * (NOTE_W + GAP), 0))],
    ['a dense block', Array.from({ length: 36 }, (_, i) => note((i % 6) * (NOTE_W + GAP), Math.floor(i / 6) * (NOTE_H + GAP)))],
    ['a big cluster frame', [{ x: -300, y: -300, w: 900, h: 700 }]],
  ])('never lands on another note: %s', (_name, taken) => {
    const pos = placeNewNote({ x: 200, y: 100 }, taken);
    for (const rect of taken) expect(overlaps(noteRect(pos), rect)).toBe(false);
  });

  it('places a bigger box (a new cluster) clear of notes too', () => {
    const pos = placeNewNote({ x: 100, y: 60 }, [note(0, 0)], { w: 360, h: 200 });
    expect(overlaps({ ...pos, w: 360, h: 200 }, note(0, 0))).toBe(false);
  });

  it('lands near the view, not somewhere far away', () => {
    const taken = Array.from({ length: 9 }, (_, i) => note((i % 3) * (NOTE_W + GAP), Math.floor(i / 3) * (NOTE_H + GAP)));
    const pos = placeNewNote({ x: 320, y: 200 }, taken);
    expect(Math.hypot(pos.x + NOTE_W / 2 - 320, pos.y + NOTE_H / 2 - 200)).toBeLessThan(500);
  });
});
