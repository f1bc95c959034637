import { describe, expect, it } from 'vitest';
import { dropNote, layoutCanvas, layoutRects, type LayoutCard, type LayoutCluster } from './canvasLayout.ts';
import { CLUSTER_HEADER, CLUSTER_PAD, GAP, NOTE_H, NOTE_W, noteRect, overlaps } from './canvasGeometry.ts';

const CW = NOTE_W + GAP;
const CH = NOTE_H + GAP;
const at = (layout: ReturnType<typeof layoutCanvas>, id: string) => {
  const n = layout.notes.get(id)!;
  return [n.x, n.y];
};

describe('layoutCanvas', () => {
  it.each<[string, LayoutCard[], LayoutCluster[], Record<string, [number, number]>]>([
    ['nothing placed: a tidy grid of three columns', [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }], [], { a: [0, 0], b: [CW, 0], c: [2 * CW, 0], d: [0, CH], e: [CW, CH] }],
    ['a placed note stays put', [{ id: 'a', pos: { x: 900, y: 900 } }], [], { a: [900, 900] }],
    ['unplaced notes flow around a placed one', [{ id: 'a', pos: { x: 0, y: 0 } }, { id: 'b' }], [], { a: [0, 0], b: [CW, 0] }],
    ['lanes in order; a lane that fits the rest of the row shares it', [{ id: 'a', lane: 0 }, { id: 'b', lane: 1 }, { id: 'c', lane: 0 }], [], { a: [0, 0], c: [CW, 0], b: [2 * CW, 0] }],
    [
      'a lane too long for the rest of the row starts the next one',
      [{ id: 'a', lane: 0 }, { id: 'b', lane: 0 }, { id: 'm1', lane: 1 }, { id: 'm2', lane: 1 }, { id: 'z', lane: 2 }],
      [],
      { a: [0, 0], b: [CW, 0], m1: [0, CH], m2: [CW, CH], z: [2 * CW, CH] },
    ],
    ['a lane longer than a row wraps from a new one', [{ id: 'a', lane: 0 }, ...['1', '2', '3', '4'].map((id) => ({ id, lane: 1 }))], [], { a: [0, 0], 1: [0, CH], 3: [2 * CW, CH], 4: [0, 2 * CH] }],
    [
      'a cluster member counts from the cluster corner',
      [{ id: 'a', clusterId: 'k', pos: { x: 30, y: 60 } }],
      [{ id: 'k', name: 'Speed', pos: { x: 1000, y: 500 } }],
      { a: [1030, 560] },
    ],
    [
      'unplaced members fill the cluster grid',
      [{ id: 'a', clusterId: 'k' }, { id: 'b', clusterId: 'k' }],
      [{ id: 'k', name: 'Speed', pos: { x: 1000, y: 500 } }],
      { a: [1000 + CLUSTER_PAD, 500 + CLUSTER_HEADER], b: [1000 + CLUSTER_PAD + CW, 500 + CLUSTER_HEADER] },
    ],
    [
      'an old group of candidates sits in a frame of the tidy layout; a card too wide for the rest of the row goes below',
      [{ id: 'a', clusterId: 'a' }, { id: 'x' }, { id: 'b', clusterId: 'a' }],
      [],
      { a: [CLUSTER_PAD, CLUSTER_HEADER], b: [CLUSTER_PAD + CW, CLUSTER_HEADER], x: [0, CLUSTER_HEADER + NOTE_H + CLUSTER_PAD + GAP] },
    ],
    ['a group of one is a loose card', [{ id: 'a', clusterId: 'gone' }], [], { a: [0, 0] }],
  ])('%s', (_name, cards, clusters, expected) => {
    const layout = layoutCanvas(cards, clusters);
    for (const [id, pos] of Object.entries(expected)) expect(at(layout, id), id).toEqual(pos);
    expect(layout.notes.size).toBe(cards.length);
  });

  it('moving a cluster moves its notes and nothing else', () => {
    const cards: LayoutCard[] = [{ id: 'a', clusterId: 'k' }, { id: 'b', clusterId: 'k', pos: { x: 300, y: 60 } }, { id: 'c', pos: { x: -500, y: 0 } }];
    const before = layoutCanvas(cards, [{ id: 'k', name: '', pos: { x: 0, y: 0 } }]);
    const after = layoutCanvas(cards, [{ id: 'k', name: '', pos: { x: 40, y: -70 } }]);
    expect(at(after, 'a')).toEqual([at(before, 'a')[0]! + 40, at(before, 'a')[1]! - 70]);
    expect(at(after, 'b')).toEqual([at(before, 'b')[0]! + 40, at(before, 'b')[1]! - 70]);
    expect(at(after, 'c')).toEqual(at(before, 'c'));
  });

  it('a frame holds all its notes and its name band', () => {
    const layout = layoutCanvas([{ id: 'a', clusterId: 'k', pos: { x: 500, y: 400 } }, { id: 'b', clusterId: 'k' }], [{ id: 'k', name: 'n', pos: { x: 0, y: 0 } }]);
    const frame = layout.frames[0]!;
    for (const id of ['a', 'b']) {
      const n = layout.notes.get(id)!;
      expect(n.x).toBeGreaterThanOrEqual(frame.x + CLUSTER_PAD);
      expect(n.y).toBeGreaterThanOrEqual(frame.y + CLUSTER_HEADER);
      expect(n.x + NOTE_W).toBeLessThanOrEqual(frame.x + frame.w);
      expect(n.y + NOTE_H).toBeLessThanOrEqual(frame.y + frame.h);
    }
  });

  it('an old board of 40 cards, three groups and a placed cluster: nothing overlaps', () => {
    const cards: LayoutCard[] = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, lane: i % 3, ...(i % 7 === 0 ? { clusterId: `g${i % 3}` } : {}), ...(i === 5 ? { pos: { x: 220, y: 0 } } : {}) }));
    cards.push({ id: 'm1', clusterId: 'k' }, { id: 'm2', clusterId: 'k' });
    const layout = layoutCanvas(cards, [{ id: 'k', name: 'Placed', pos: { x: 440, y: 140 } }]);
    const rects = layoutRects(layout);
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false)));
    const again = layoutCanvas(cards, [{ id: 'k', name: 'Placed', pos: { x: 440, y: 140 } }]);
    expect([...again.notes.values()]).toEqual([...layout.notes.values()]);
  });
});

describe('dropNote', () => {
  const clusters: LayoutCluster[] = [{ id: 'k', name: 'Speed', pos: { x: 1000, y: 0 } }];
  const layout = layoutCanvas([{ id: 'a', pos: { x: 0, y: 0 } }, { id: 'g1', clusterId: 'g' }, { id: 'g2', clusterId: 'g' }, { id: 'm', clusterId: 'k' }], clusters);
  const groupFrame = layout.frames.find((f) => f.id === 'g')!;
  it.each([
    ['on empty canvas: a loose place', 'a', { x: 400.4, y: -300 }, { pos: { x: 400, y: -300 } }],
    ['into a named cluster: a place from its corner', 'a', { x: 1020, y: 60 }, { clusterId: 'k', pos: { x: CLUSTER_PAD + 4, y: CLUSTER_HEADER + 12 } }],
    ['a member moved inside its cluster keeps it', 'm', { x: 1100, y: 100 }, { clusterId: 'k', pos: { x: 100, y: 100 } }],
    ['out of a cluster: loose again', 'm', { x: -900, y: 0 }, { pos: { x: -900, y: 0 } }],
    ['into an unnamed group: joins it, laid out by the group', 'a', { x: groupFrame.x, y: groupFrame.y + 20 }, { clusterId: 'g' }],
    ['inside its own unnamed group: nothing to write', 'g1', { x: groupFrame.x + 10, y: groupFrame.y + 20 }, null],
  ] as const)('%s', (_name, id, to, expected) => {
    expect(dropNote(layout, clusters, id, to)).toEqual(expected);
  });
});

it('noteRect is a note-sized box', () => expect(noteRect({ x: 1, y: 2 })).toEqual({ x: 1, y: 2, w: NOTE_W, h: NOTE_H }));
