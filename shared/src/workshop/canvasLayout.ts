import type { CanvasPos } from '../schema/index.ts';
import { boundsOf, CLUSTER_HEADER, CLUSTER_PAD, contains, GAP, NOTE_H, NOTE_W, noteRect, overlaps, type Rect } from './canvasGeometry.ts';

/** A card as the layout needs it; `lane` orders the tidy layout (a context card's kind, for one). */
export type LayoutCard = { id: string; pos?: CanvasPos; clusterId?: string; lane?: number };
export type LayoutCluster = { id: string; name: string; pos: CanvasPos };
/** A note's absolute place on the canvas. */
export type PlacedNote = { id: string; x: number; y: number; clusterId?: string };
/**
 * A cluster as drawn: a named `Cluster` record, or (`named: false`) a group of candidates made
 * before the canvas or with "Group with…", drawn around its cards where the tidy layout puts them.
 */
export type Frame = Rect & { id: string; name: string; named: boolean; noteIds: string[] };
export type CanvasLayout = { notes: ReadonlyMap<string, PlacedNote>; frames: readonly Frame[] };

const CELL_W = NOTE_W + GAP;
const CELL_H = NOTE_H + GAP;
const CLUSTER_COLS = 3;
// Three across, as the projector's page (PROJECTOR_WINDOW) shows them at a readable size.
const TIDY_COLS = 3;
// Wide enough for its name, Rename and Remove at projector size.
const FRAME_MIN_W = 2 * NOTE_W + GAP + 2 * CLUSTER_PAD;
const FRAME_MIN_H = CLUSTER_HEADER + NOTE_H + CLUSTER_PAD;

/**
 * Where every note and cluster is drawn. Placed notes stay where they were put (a cluster member's
 * `pos` counts from its cluster's corner); cards nobody placed yet (old boards, imports, revealed
 * drafts) fill a tidy grid from the origin, lane by lane, around what is placed. Computed on every
 * read from the document alone, so every screen agrees and no client ever writes a layout.
 */
export function layoutCanvas(cards: readonly LayoutCard[], clusters: readonly LayoutCluster[]): CanvasLayout {
  const notes = new Map<string, PlacedNote>();
  const frames: Frame[] = [];
  const clusterIds = new Set(clusters.map((c) => c.id));
  const members = new Map<string, LayoutCard[]>();
  for (const card of cards) {
    if (!card.clusterId) continue;
    const list = members.get(card.clusterId) ?? [];
    list.push(card);
    members.set(card.clusterId, list);
  }

  for (const cluster of clusters) {
    const inside = members.get(cluster.id) ?? [];
    const rel = layoutInside(inside);
    // The frame holds its notes with room for the name above them, and never shrinks below one note.
    const boxes = [...rel.values()].map((p) => ({ x: p.x - CLUSTER_PAD, y: p.y - CLUSTER_HEADER, w: NOTE_W + 2 * CLUSTER_PAD, h: NOTE_H + CLUSTER_HEADER + CLUSTER_PAD }));
    const local = boundsOf([{ x: 0, y: 0, w: FRAME_MIN_W, h: FRAME_MIN_H }, ...boxes])!;
    for (const card of inside) {
      const p = rel.get(card.id)!;
      notes.set(card.id, { id: card.id, x: cluster.pos.x + p.x, y: cluster.pos.y + p.y, clusterId: cluster.id });
    }
    frames.push({ id: cluster.id, name: cluster.name, named: true, x: cluster.pos.x + local.x, y: cluster.pos.y + local.y, w: local.w, h: local.h, noteIds: inside.map((c) => c.id) });
  }

  // Loose cards someone placed stay put; the rest, and old groups, are laid out tidily around them.
  const taken: Rect[] = [...frames];
  const units: { lane: number; cards: LayoutCard[] }[] = [];
  for (const card of cards) {
    if (card.clusterId && clusterIds.has(card.clusterId)) continue;
    const group = card.clusterId ? members.get(card.clusterId)! : [card];
    if (group.length > 1) {
      if (group[0] === card) units.push({ lane: card.lane ?? 0, cards: group });
    } else if (card.pos) {
      notes.set(card.id, { id: card.id, x: card.pos.x, y: card.pos.y });
      taken.push(noteRect(card.pos));
    } else units.push({ lane: card.lane ?? 0, cards: [card] });
  }
  units.sort((a, b) => a.lane - b.lane);
  tidy(units, taken, notes, frames);
  return { notes, frames };
}

/** Member places from the cluster's corner: theirs when placed, else the free cells of a small grid. */
function layoutInside(inside: readonly LayoutCard[]): Map<string, CanvasPos> {
  const rel = new Map<string, CanvasPos>();
  const placed: Rect[] = [];
  for (const card of inside) {
    if (card.pos) {
      rel.set(card.id, card.pos);
      placed.push(noteRect(card.pos));
    }
  }
  let cell = 0;
  for (const card of inside) {
    if (card.pos) continue;
    for (;; cell++) {
      const pos = { x: CLUSTER_PAD + (cell % CLUSTER_COLS) * CELL_W, y: CLUSTER_HEADER + Math.floor(cell / CLUSTER_COLS) * CELL_H };
      if (placed.some((r) => overlaps(noteRect(pos), r))) continue;
      rel.set(card.id, pos);
      cell++;
      break;
    }
  }
  return rel;
}

/**
 * Shelf layout from the origin: each unit (a card, or an old group in its frame) at the next free
 * spot. A lane starts a new shelf unless all of it fits in what is left of the current one, so a
 * kind is never split across two shelves for want of room, and short lanes share a shelf (eight
 * context cards of seven kinds take three shelves, not seven).
 */
function tidy(units: readonly { lane: number; cards: LayoutCard[] }[], taken: readonly Rect[], notes: Map<string, PlacedNote>, frames: Frame[]): void {
  const shelfWidth = TIDY_COLS * CELL_W;
  const sizeOf = (unit: { cards: LayoutCard[] }) => {
    const group = unit.cards.length > 1;
    const cols = group ? Math.min(unit.cards.length, CLUSTER_COLS) : 1;
    const rows = Math.ceil(unit.cards.length / cols);
    return { group, cols, w: group ? cols * CELL_W - GAP + 2 * CLUSTER_PAD : NOTE_W, h: group ? CLUSTER_HEADER + rows * CELL_H - GAP + CLUSTER_PAD : NOTE_H };
  };
  const laneWidth = new Map<number, number>();
  for (const unit of units) laneWidth.set(unit.lane, (laneWidth.get(unit.lane) ?? 0) + sizeOf(unit).w + GAP);
  let x = 0;
  let y = 0;
  let shelfH = 0;
  let lane: number | undefined;
  const newShelf = () => {
    y += (shelfH || NOTE_H) + GAP;
    x = 0;
    shelfH = 0;
  };
  for (const unit of units) {
    const { group, cols, w, h } = sizeOf(unit);
    if (lane !== undefined && unit.lane !== lane && x > 0 && x + laneWidth.get(unit.lane)! - GAP > shelfWidth) newShelf();
    lane = unit.lane;
    for (;;) {
      if (x > 0 && x + w > shelfWidth) newShelf();
      const rect = { x, y, w, h };
      if (!taken.some((r) => overlaps(rect, r, GAP / 2))) break;
      x += CELL_W;
    }
    if (group) {
      unit.cards.forEach((card, i) => {
        notes.set(card.id, { id: card.id, x: x + CLUSTER_PAD + (i % cols) * CELL_W, y: y + CLUSTER_HEADER + Math.floor(i / cols) * CELL_H, clusterId: card.clusterId });
      });
      frames.push({ id: unit.cards[0]!.clusterId!, name: '', named: false, x, y, w, h, noteIds: unit.cards.map((c) => c.id) });
    } else notes.set(unit.cards[0]!.id, { id: unit.cards[0]!.id, x, y });
    x += w + GAP;
    shelfH = Math.max(shelfH, h);
  }
}

/** Everything drawn, for "Fit all" and for keeping a new note clear of the others. */
export function layoutRects(layout: CanvasLayout): Rect[] {
  const inFrames = new Set(layout.frames.flatMap((f) => f.noteIds));
  return [...layout.frames, ...[...layout.notes.values()].filter((n) => !inFrames.has(n.id)).map(noteRect)];
}

/** What dropping a note with its top-left at `at` writes: the cluster under its centre (and its place in it), or a loose place. */
export type Drop = { clusterId?: string; pos?: CanvasPos };

/**
 * The drop of note `id` at `at`, or null when it changes nothing (an old group's member let go
 * inside its own group, which lays itself out). Frames later in the list are on top.
 * @example dropNote(layout, 'a', { x: 500, y: 80 }) // → { clusterId: 'c1', pos: { x: 40, y: 56 } } when c1's frame starts at 460, 24
 */
export function dropNote(layout: CanvasLayout, clusters: readonly LayoutCluster[], id: string, at: CanvasPos): Drop | null {
  const center = { x: at.x + NOTE_W / 2, y: at.y + NOTE_H / 2 };
  const frame = layout.frames.findLast((f) => contains(f, center) && (f.named || f.noteIds.length > 0));
  const current = layout.notes.get(id);
  if (!frame) return { pos: { x: Math.round(at.x), y: Math.round(at.y) } };
  if (!frame.named) return current?.clusterId === frame.id ? null : { clusterId: frame.id };
  const cluster = clusters.find((c) => c.id === frame.id)!;
  return {
    clusterId: frame.id,
    pos: { x: Math.max(CLUSTER_PAD, Math.round(at.x - cluster.pos.x)), y: Math.max(CLUSTER_HEADER, Math.round(at.y - cluster.pos.y)) },
  };
}
