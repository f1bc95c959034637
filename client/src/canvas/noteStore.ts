import { useCallback, useSyncExternalStore } from 'react';
import { noteRect, within, type CanvasLayout, type Frame, type Rect } from '@okr/shared/workshop';
import { sameItems } from '../sync/hooks.ts';
import type { NotePlace, NoteRef } from './model.ts';

/**
 * One note as drawn: which card (the note reads the card itself), where it is on the canvas, the
 * corner of what it is drawn in (the canvas, or its cluster's frame), and whether it is faint (off
 * the projector's page).
 */
export type NoteView = NoteRef & { x: number; y: number; ox: number; oy: number; faint: boolean };

/** What holds the notes: the clusters' frames with their notes, then the notes in no cluster, in order. */
export type NoteShape = { frames: readonly Frame[]; loose: readonly string[] };

export type DrawnNotes = { views: ReadonlyMap<string, NoteView>; shape: NoteShape };

/**
 * The notes as the canvas draws them, from the step's cards and their layout. On the projector
 * (`page` set, not following), notes outside the page shown are faint: the room reads this page's.
 * Example: `drawNotes(places, layoutCanvas(places, clusters), null)`.
 */
export function drawNotes(places: readonly NotePlace[], layout: CanvasLayout, page: Rect | null): DrawnNotes {
  const byId = new Map(places.map((p) => [p.id, p]));
  const views = new Map<string, NoteView>();
  const add = (id: string, ox: number, oy: number): boolean => {
    const place = byId.get(id);
    const at = layout.notes.get(id);
    if (!place || !at) return false;
    views.set(id, { collection: place.collection, id, x: at.x, y: at.y, ox, oy, faint: page !== null && !within(noteRect(at), page) });
    return true;
  };
  for (const frame of layout.frames) for (const id of frame.noteIds) add(id, frame.x, frame.y);
  const loose: string[] = [];
  for (const p of places) if (!views.has(p.id) && add(p.id, 0, 0)) loose.push(p.id);
  return { views, shape: { frames: layout.frames, loose } };
}

/**
 * The canvas's notes' places, one subscription per note: a remote drop re-renders the one note it
 * moved, and the layer of notes re-renders only when frames or the notes' order change (a note's
 * text is its own subscription to its card, useCanvasNote). The canvas hands it each new drawing
 * after its commit (`set`); components read it through `useNoteView` and `useNoteShape`, so no
 * component keeps copies of notes between renders.
 */
export class NoteStore {
  private readonly views: Map<string, NoteView>;
  private shape: NoteShape;
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly shapeListeners = new Set<() => void>();

  constructor(first: DrawnNotes) {
    this.views = new Map(first.views);
    this.shape = first.shape;
  }

  view(id: string): NoteView | undefined {
    return this.views.get(id);
  }

  current(): NoteShape {
    return this.shape;
  }

  /** Takes a new drawing; keeps each unchanged view and the shape when equal, and tells only what changed. Returns the ids whose view changed. */
  set(next: DrawnNotes): string[] {
    const changed: string[] = [];
    for (const [id, view] of next.views) {
      const before = this.views.get(id);
      if (before && sameView(before, view)) continue;
      this.views.set(id, view);
      changed.push(id);
    }
    for (const id of this.views.keys()) {
      if (next.views.has(id)) continue;
      this.views.delete(id);
      changed.push(id);
    }
    const shapeChanged = !sameShape(this.shape, next.shape);
    if (shapeChanged) this.shape = next.shape;
    for (const id of changed) this.listeners.get(id)?.forEach((cb) => cb());
    if (shapeChanged) this.shapeListeners.forEach((cb) => cb());
    return changed;
  }

  subscribe(id: string, cb: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(cb);
    return () => {
      set.delete(cb);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  subscribeShape(cb: () => void): () => void {
    this.shapeListeners.add(cb);
    return () => this.shapeListeners.delete(cb);
  }
}

/** One note's view, re-rendering when that note's place changes and for nothing else. */
export function useNoteView(store: NoteStore, id: string): NoteView | undefined {
  const subscribe = useCallback((cb: () => void) => store.subscribe(id, cb), [store, id]);
  return useSyncExternalStore(subscribe, () => store.view(id));
}

/** The frames and the order of notes, re-rendering when a frame or the set of notes changes, not when a note moves alone. */
export function useNoteShape(store: NoteStore): NoteShape {
  const subscribe = useCallback((cb: () => void) => store.subscribeShape(cb), [store]);
  return useSyncExternalStore(subscribe, () => store.current());
}

function sameView(a: NoteView, b: NoteView): boolean {
  return a.collection === b.collection && a.x === b.x && a.y === b.y && a.ox === b.ox && a.oy === b.oy && a.faint === b.faint;
}

function sameFrame(a: Frame, b: Frame): boolean {
  return a.id === b.id && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h && a.name === b.name && a.named === b.named && sameItems(a.noteIds, b.noteIds);
}

function sameShape(a: NoteShape, b: NoteShape): boolean {
  return a.frames.length === b.frames.length && a.frames.every((f, i) => sameFrame(f, b.frames[i]!)) && sameItems(a.loose, b.loose);
}
