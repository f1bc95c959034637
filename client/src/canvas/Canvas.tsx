import { useCallback, useEffect, useMemo, useRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragMoveEvent } from '@dnd-kit/core';
import type { CanvasStep } from '@okr/shared/schema';
import { boundsOf, canvasPage, canvasPages, dropNote, layoutCanvas, layoutRects, noteRect, placeNewNote, within, type CanvasLayout, type Frame, type LayoutCluster } from '@okr/shared/workshop';
import { sameItems, useBoard, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { fitView, toWorld } from './camera.ts';
import { NoteCard } from './NoteCard.tsx';
import { ClusterFrame } from './ClusterFrame.tsx';
import { CursorLayer } from './CursorLayer.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { CanvasStepContext } from './CanvasStepContext.ts';
import { useCanvasGestures, PRESENCE_MS } from './useCanvasGestures.ts';
import { useFollow } from './useFollow.ts';
import { throttle } from './throttle.ts';
import type { CanvasNote, LegendEntry } from './model.ts';
import './canvas.css';

type Props = {
  step: CanvasStep;
  /** The canvas's accessible name, e.g. "Context canvas". */
  label: string;
  notes: readonly CanvasNote[];
  legend: readonly LegendEntry[];
  canEdit: boolean;
  projector: boolean;
  /** Shown on an empty canvas. */
  empty?: ReactNode;
};

/**
 * Sensor options live outside the component: dnd-kit memoises its sensors on the options object, so
 * a literal made in each render handed every draggable a new context and re-rendered all 300 notes
 * on every remote edit (the canvas benchmark's profile, BENCHMARKS.md).
 */
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };
const KEYBOARD_OPTIONS = { scrollBehavior: 'auto' } as const;

const announcements = {
  onDragStart: () => 'Picked up. Use the arrow keys to move, Space to drop, Escape to cancel.',
  onDragOver: () => undefined,
  onDragMove: () => undefined,
  onDragEnd: () => 'Dropped.',
  onDragCancel: () => 'Cancelled: it is back where it was.',
};
const ACCESSIBILITY = { announcements };

/**
 * A step's cards as sticky notes on a surface you pan and zoom. Places and clusters come from the
 * board (written once, on drop); the camera is this device's; cursors and live drags are presence.
 */
export function Canvas({ step, label, notes, legend, canEdit, projector, empty }: Props) {
  const room = useRoom();
  const store = useBoardUiStore();
  const control = useControl();
  // Records keep their identity until edited: the same clusters are the same list, so an edit of a note leaves it be.
  const allClusters = useBoard((board) => board.clusters.list(), sameItems);
  const clusters = useMemo(() => allClusters.filter((c) => c.step === step), [allClusters, step]);
  const layout = useStableLayout(notes, clusters);
  const everything = useMemo(() => boundsOf(layoutRects(layout)), [layout]);
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const viewport = useRef<HTMLDivElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const latest = useRef({ layout, clusters });
  useEffect(() => {
    latest.current = { layout, clusters };
  });
  // The projector cuts the canvas into pages it shows at a readable size (canvasPages); the facilitator turns them.
  const pages = useMemo(() => (projector ? canvasPages(layout) : []), [projector, layout]);
  const page = canvasPage(pages, control.presentPage);
  const { following } = useFollow(step, projector, everything, page);
  useCanvasGestures(viewport, step, !projector && !room.isViewer);

  // The viewport's size, and a first view that shows everything, fitted to this viewport (the
  // last step's canvas may have had another size).
  const everythingNow = useRef(everything);
  useEffect(() => {
    everythingNow.current = everything;
  });
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => {
      const size = { w: el.clientWidth, h: el.clientHeight };
      store.getState().setCanvasSize(size);
      const camera = store.getState().cameras[step];
      if ((!camera || camera.auto) && size.w > 0 && everythingNow.current) store.getState().setCamera(step, { ...fitView(everythingNow.current, size), auto: true });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [store, step]);
  // Until this person pans or zooms, the canvas keeps showing everything (a first sync, a reveal, new notes).
  useEffect(() => {
    const { cameras, canvasSize } = store.getState();
    const camera = cameras[step];
    if ((!camera || camera.auto) && canvasSize.w > 0 && everything) store.getState().setCamera(step, { ...fitView(everything, canvasSize), auto: true });
  }, [everything, store, step]);
  const fitAll = () => store.getState().setCamera(step, { ...fitView(everything, store.getState().canvasSize), auto: true });

  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const zoom = () => store.getState().cameras[step]?.zoom ?? 1;
  const sendDrag = useMemo(() => throttle((id: string, x: number, y: number) => updatePresence(room.awareness, { dragging: { step, id, x: Math.round(x), y: Math.round(y) } }), PRESENCE_MS), [room, step]);
  const endDrag = () => {
    sendDrag.cancel();
    updatePresence(room.awareness, { dragging: undefined });
  };

  const placeNote = useCallback(
    (note: CanvasNote, x: number, y: number) => {
      const { layout: now, clusters: named } = latest.current;
      // Someone may have deleted it while it was being moved: nothing left to place.
      if (!room.board[note.collection].has(note.id)) return;
      const drop = dropNote(now, named, note.id, { x, y });
      if (drop) room.board.placeNote(note.collection, note.id, drop);
    },
    [room],
  );
  const moveFrame = useCallback(
    (frame: Frame, dx: number, dy: number) => {
      const cluster = latest.current.clusters.find((c) => c.id === frame.id);
      if (cluster) room.board.moveCluster(frame.id, { x: Math.round(cluster.pos.x + dx), y: Math.round(cluster.pos.y + dy) });
      else room.board.nameGroup(frame.id, '', { x: Math.round(frame.x + dx), y: Math.round(frame.y + dy) });
    },
    [room],
  );
  const nudgeNote = useCallback(
    (note: CanvasNote, dx: number, dy: number) => {
      const at = latest.current.layout.notes.get(note.id);
      if (at) placeNote(note, at.x + dx, at.y + dy);
    },
    [placeNote],
  );

  const onDragMove = ({ active, delta }: DragMoveEvent) => {
    const id = String(active.id);
    if (!id.startsWith('note:')) return;
    const at = latest.current.layout.notes.get(id.slice(5));
    if (at) sendDrag(at.id, at.x + delta.x / zoom(), at.y + delta.y / zoom());
  };
  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    endDrag();
    const id = String(active.id);
    const dx = delta.x / zoom();
    const dy = delta.y / zoom();
    if (dx === 0 && dy === 0) return;
    if (id.startsWith('note:')) {
      const note = byId.get(id.slice(5));
      const at = latest.current.layout.notes.get(id.slice(5));
      if (note && at) placeNote(note, at.x + dx, at.y + dy);
    } else if (id.startsWith('frame:')) {
      const frame = latest.current.layout.frames.find((f) => f.id === id.slice(6));
      if (frame) moveFrame(frame, dx, dy);
    }
  };

  const newCluster = (name: string) => {
    const { cameras, canvasSize } = store.getState();
    const center = toWorld(cameras[step] ?? { x: 0, y: 0, zoom: 1 }, { x: canvasSize.w / 2, y: canvasSize.h / 2 });
    room.board.addCluster(step, name, placeNewNote(center, layoutRects(layout), { w: 360, h: 200 }));
  };

  const framed = useMemo(() => new Set(layout.frames.flatMap((f) => f.noteIds)), [layout]);
  // Each note's element is kept while its props are the same: React then skips that note outright
  // (same props object) instead of running 300 memo checks on every remote edit.
  const elements = useRef(new Map<string, { props: NoteProps; element: ReactElement }>());
  const seen = new Set<string>();
  const renderNote = (id: string, ox: number, oy: number) => {
    const note = byId.get(id);
    const at = layout.notes.get(id);
    if (!note || !at) return null;
    seen.add(id);
    // On the projector, notes of the next or last page showing at the edges are faint: the room reads this page's.
    const faint = page !== null && !following && !within(noteRect(at), page);
    const props: NoteProps = { note, x: at.x, y: at.y, ox, oy, canEdit, faint, onNudge: nudgeNote };
    const kept = elements.current.get(id);
    if (kept && sameProps(kept.props, props)) return kept.element;
    const element = <NoteCard key={id} {...props} />;
    elements.current.set(id, { props, element });
    return element;
  };
  const context = useMemo(() => ({ step, frames: layout.frames, placed: (id: string) => layout.notes.get(id) }), [step, layout]);

  const drawn = (
    <>
      {layout.frames.map((frame) => (
        <ClusterFrame key={frame.id} frame={frame} canEdit={canEdit} onNudge={moveFrame}>
          {frame.noteIds.map((id) => renderNote(id, frame.x, frame.y))}
        </ClusterFrame>
      ))}
      <ul className="canvas-loose" aria-label="Notes">
        {notes.filter((n) => !framed.has(n.id)).map((n) => renderNote(n.id, 0, 0))}
      </ul>
    </>
  );
  for (const id of elements.current.keys()) if (!seen.has(id)) elements.current.delete(id);

  return (
    <CanvasStepContext.Provider value={context}>
      <section className={`canvas ${projector ? 'is-projector' : ''}`} aria-label={label}>
        <CanvasToolbar step={step} canEdit={canEdit} projector={projector} following={following} legend={legend} onFitAll={fitAll} onNewCluster={newCluster} />
        <DndContext sensors={sensors} accessibility={ACCESSIBILITY} onDragMove={onDragMove} onDragEnd={onDragEnd} onDragCancel={endDrag}>
          <div ref={viewport} className="canvas-viewport">
            {notes.length === 0 && clusters.length === 0 && empty && <div className="canvas-empty">{empty}</div>}
            <World step={step} worldRef={world}>
              {drawn}
              <CursorLayer step={step} showCursors={!projector || control.projectorCursors} world={world} />
            </World>
          </div>
        </DndContext>
      </section>
    </CanvasStepContext.Provider>
  );
}

type NoteProps = ComponentProps<typeof NoteCard>;

function sameProps(a: NoteProps, b: NoteProps): boolean {
  return a.note === b.note && a.x === b.x && a.y === b.y && a.ox === b.ox && a.oy === b.oy && a.canEdit === b.canEdit && a.faint === b.faint && a.onNudge === b.onNudge;
}

/**
 * The layout, kept while what it reads (each note's id, place, cluster and lane, in order) is the
 * same: a remote edit of a note's text then leaves the layout, the frames, the pages and the
 * notes' context as they were, and only that note re-renders.
 */
function useStableLayout(notes: readonly CanvasNote[], clusters: readonly LayoutCluster[]): CanvasLayout {
  const placesKey = notes.map((n) => `${n.id}|${n.clusterId ?? ''}|${n.pos ? `${n.pos.x},${n.pos.y}` : ''}|${n.lane ?? ''}`).join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `placesKey` is all of `notes` the layout reads
  return useMemo(() => layoutCanvas(notes, clusters), [placesKey, clusters]);
}

/** The one element the camera moves: it alone re-renders on pan and zoom (its children are the same elements). */
function World({ step, worldRef, children }: { step: CanvasStep; worldRef: React.RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const camera = useBoardUi((s) => s.cameras[step]);
  const { x, y, zoom } = camera ?? { x: 0, y: 0, zoom: 1 };
  return (
    <div ref={worldRef} className="canvas-world" style={{ transform: `translate(${x}px, ${y}px) scale(${zoom})`, ['--zoom' as string]: zoom }}>
      {children}
    </div>
  );
}
