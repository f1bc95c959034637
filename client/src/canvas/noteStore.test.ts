import { describe, expect, it } from 'vitest';
import { layoutCanvas, type LayoutCluster } from '@okr/shared/workshop';
import type { NotePlace } from './model.ts';
import { drawNotes, NoteStore } from './noteStore.ts';

const place = (id: string, extra: Partial<NotePlace> = {}): NotePlace => ({ collection: 'contextItems', id, ...extra });
const A = place('a', { pos: { x: 0, y: 0 } });
const B = place('b', { pos: { x: 300, y: 0 } });
const C = place('c', { pos: { x: 600, y: 0 } });
const cluster: LayoutCluster = { id: 'k', name: 'Numbers', pos: { x: 0, y: 400 } };
const draw = (places: NotePlace[], clusters: LayoutCluster[] = []) => drawNotes(places, layoutCanvas(places, clusters), null);

describe('NoteStore', () => {
  const cases: { name: string; next: () => ReturnType<typeof draw>; changed: string[]; shapeChanged: boolean }[] = [
    { name: 'the same notes, drawn again', next: () => draw([A, B, C]), changed: [], shapeChanged: false },
    { name: 'the same places as new objects (a step re-rendered)', next: () => draw([{ ...A }, { ...B }, { ...C }]), changed: [], shapeChanged: false },
    { name: 'one note dropped elsewhere', next: () => draw([A, B, { ...C, pos: { x: 900, y: 300 } }]), changed: ['c'], shapeChanged: false },
    { name: 'a note added', next: () => draw([A, B, C, place('d', { pos: { x: 0, y: 300 } })]), changed: ['d'], shapeChanged: true },
    { name: 'a note removed', next: () => draw([A, C]), changed: ['b'], shapeChanged: true },
    { name: 'notes reordered', next: () => draw([B, A, C]), changed: [], shapeChanged: true },
    { name: 'a note moved into a cluster', next: () => draw([A, B, { ...C, clusterId: 'k' }], [cluster]), changed: ['c'], shapeChanged: true },
  ];

  it.each(cases)('$name: tells the notes that changed and the layer only when its shape did', ({ next, changed, shapeChanged }) => {
    const store = new NoteStore(draw([A, B, C]));
    const told: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) store.subscribe(id, () => told.push(id));
    let shapeTold = 0;
    store.subscribeShape(() => shapeTold++);
    const before = { a: store.view('a'), shape: store.current() };

    expect(store.set(next()).sort()).toEqual(changed);
    expect(told.sort()).toEqual(changed);
    expect(shapeTold).toBe(shapeChanged ? 1 : 0);
    // Unchanged views and an unchanged shape keep their identity: React's snapshot stays the same.
    if (!changed.includes('a')) expect(store.view('a')).toBe(before.a);
    if (!shapeChanged) expect(store.current()).toBe(before.shape);
  });

  it('draws a clustered note from its frame and marks notes off the projector page faint', () => {
    const places = [A, { ...B, clusterId: 'k' }];
    const layout = layoutCanvas(places, [cluster]);
    const drawn = drawNotes(places, layout, { x: -10, y: -10, w: 250, h: 200 });
    const frame = layout.frames[0]!;
    expect(drawn.shape).toEqual({ frames: layout.frames, loose: ['a'] });
    expect(drawn.views.get('b')).toMatchObject({ collection: 'contextItems', id: 'b', ox: frame.x, oy: frame.y, faint: true });
    expect(drawn.views.get('a')).toMatchObject({ collection: 'contextItems', id: 'a', x: 0, y: 0, ox: 0, oy: 0, faint: false });
  });

  it('stops telling a listener once it unsubscribes', () => {
    const store = new NoteStore(draw([A]));
    let told = 0;
    const stop = store.subscribe('a', () => told++);
    store.set(draw([{ ...A, pos: { x: 20, y: 0 } }]));
    stop();
    store.set(draw([{ ...A, pos: { x: 40, y: 0 } }]));
    expect(told).toBe(1);
    expect(store.view('a')!.x).toBe(40);
  });
});
