import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragMoveEvent, type DragStartEvent } from '@dnd-kit/core';
import type { CanvasStep } from '@okr/shared/schema';
import { boundsOf, canvasPage, canvasPages, dropNote, layoutCanvas, layoutRects, placeNewNote, type Frame } from '@okr/shared/workshop';
import { sameItems, useBoard, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { fitView, toWorld } from './camera.ts';
import { NoteLayer } from './NoteLayer.tsx';
import { drawNotes, NoteStore } from './noteStore.ts';
import { CursorLayer } from './CursorLayer.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { CanvasStepContext } from './CanvasStepContext.ts';
import { useCanvasGestures, PRESENCE_MS } from './useCanvasGestures.ts';
import { useFollow } from './useFollow.ts';
import { DragPresence } from './dragPresence.ts';
import type { LegendEntry, NoteMakers, NotePlace, NoteRef } from './model.ts';
import './canvas.css';

type Props = {
  step: CanvasStep;
  /** The canvas's accessible name, e.g. "Context canvas". */
  label: string;
  /** The step's cards as the layout reads them; a new list only when a place, cluster, lane or the order changes. */
  places: readonly NotePlace[];
  /** How each note makes itself from its card (see NoteMakers); keep it the same object while what it reads is. */
  makers: NoteMakers;
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
export function Canvas({ step, label, places, makers, legend, canEdit, projector, empty }: Props) {
  const room = useRoom();
  const store = useBoardUiStore();
  const control = useControl();
  // Records keep their identity until edited: the same clusters are the same list, so an edit of a note leaves it be.
  const allClusters = useBoard((board) => board.clusters.list(), sameItems);
  const clusters = useMemo(() => allClusters.filter((c) => c.step === step), [allClusters, step]);
  // The step hands a new list of places only when the layout reads something new: a text edit never gets here.
  const layout = useMemo(() => layoutCanvas(places, clusters), [places, clusters]);
  const everything = useMemo(() => boundsOf(layoutRects(layout)), [layout]);
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
  const zoom = useCallback(() => store.getState().cameras[step]?.zoom ?? 1, [store, step]);
  const drag = useMemo(() => new DragPresence(step, (dragging) => updatePresence(room.awareness, { dragging }), PRESENCE_MS), [room, step]);
  const endDrag = useCallback(() => drag.end(), [drag]);
  // A canvas that goes away mid-drag (another step, the list view) takes its drag out of presence.
  useEffect(() => () => drag.end(), [drag]);

  // The notes as drawn, handed to their store after each commit: a remote drop then re-renders
  // the one note it moved, and the surface below (dnd-kit, the world, 300 notes) not at all.
  const drawn = useMemo(() => drawNotes(places, layout, following ? null : page), [places, layout, page, following]);
  const [noteStore] = useState(() => new NoteStore(drawn));
  useLayoutEffect(() => {
    noteStore.set(drawn);
  }, [noteStore, drawn]);

  const placeNote = useCallback(
    (note: NoteRef, x: number, y: number) => {
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
    (note: NoteRef, dx: number, dy: number) => {
      const at = latest.current.layout.notes.get(note.id);
      if (at) placeNote(note, at.x + dx, at.y + dy);
    },
    [placeNote],
  );

  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => {
      const id = String(active.id);
      if (id.startsWith('note:')) drag.start(id.slice(5));
    },
    [drag],
  );
  const onDragMove = useCallback(
    ({ active, delta }: DragMoveEvent) => {
      const id = String(active.id);
      if (!id.startsWith('note:')) return;
      const at = latest.current.layout.notes.get(id.slice(5));
      if (at) drag.move(at.id, at.x + delta.x / zoom(), at.y + delta.y / zoom());
    },
    [drag, zoom],
  );
  const onDragEnd = useCallback(
    ({ active, delta }: DragEndEvent) => {
      endDrag();
      const id = String(active.id);
      const dx = delta.x / zoom();
      const dy = delta.y / zoom();
      if (dx === 0 && dy === 0) return;
      if (id.startsWith('note:')) {
        const note = noteStore.view(id.slice(5));
        const at = latest.current.layout.notes.get(id.slice(5));
        if (note && at) placeNote(note, at.x + dx, at.y + dy);
      } else if (id.startsWith('frame:')) {
        const frame = latest.current.layout.frames.find((f) => f.id === id.slice(6));
        if (frame) moveFrame(frame, dx, dy);
      }
    },
    [endDrag, zoom, noteStore, placeNote, moveFrame],
  );

  const newCluster = (name: string) => {
    const { cameras, canvasSize } = store.getState();
    const center = toWorld(cameras[step] ?? { x: 0, y: 0, zoom: 1 }, { x: canvasSize.w / 2, y: canvasSize.h / 2 });
    room.board.addCluster(step, name, placeNewNote(center, layoutRects(layout), { w: 360, h: 200 }));
  };

  const context = useMemo(() => ({ step, store: noteStore, makers }), [step, noteStore, makers]);
  const surface: SurfaceProps = {
    step,
    store: noteStore,
    canEdit,
    showCursors: !projector || control.projectorCursors,
    empty: places.length === 0 && clusters.length === 0 ? empty : null,
    sensors,
    viewport,
    world,
    onDragStart,
    onDragMove,
    onDragEnd,
    onDragCancel: endDrag,
    onNudgeNote: nudgeNote,
    onNudgeFrame: moveFrame,
  };

  return (
    <CanvasStepContext.Provider value={context}>
      <section className={`canvas ${projector ? 'is-projector' : ''}`} aria-label={label}>
        <CanvasToolbar step={step} canEdit={canEdit} projector={projector} following={following} legend={legend} onFitAll={fitAll} onNewCluster={newCluster} />
        <CanvasSurface {...surface} />
      </section>
    </CanvasStepContext.Provider>
  );
}

type SurfaceProps = {
  step: CanvasStep;
  store: NoteStore;
  canEdit: boolean;
  showCursors: boolean;
  /** What an empty canvas shows; null while it has notes or clusters. */
  empty: ReactNode;
  sensors: ReturnType<typeof useSensors>;
  viewport: RefObject<HTMLDivElement>;
  world: RefObject<HTMLDivElement>;
  onDragStart: (event: DragStartEvent) => void;
  onDragMove: (event: DragMoveEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
  onNudgeNote: (note: NoteRef, dx: number, dy: number) => void;
  onNudgeFrame: (frame: Frame, dx: number, dy: number) => void;
};

/**
 * dnd-kit's context, the viewport and the world, memoised on props that stay the same across remote
 * edits and drops: a board update that re-renders the canvas stops here (dnd-kit's context re-ran its
 * hooks, and React walked all 300 notes, on each one: the canvas benchmark's profile, BENCHMARKS.md).
 */
const CanvasSurface = memo(function CanvasSurface({ step, store, canEdit, showCursors, empty, sensors, viewport, world, onDragStart, onDragMove, onDragEnd, onDragCancel, onNudgeNote, onNudgeFrame }: SurfaceProps) {
  return (
    <DndContext sensors={sensors} accessibility={ACCESSIBILITY} onDragStart={onDragStart} onDragMove={onDragMove} onDragEnd={onDragEnd} onDragCancel={onDragCancel}>
      <div ref={viewport} className="canvas-viewport">
        {empty && <div className="canvas-empty">{empty}</div>}
        <World step={step} worldRef={world}>
          <NoteLayer store={store} canEdit={canEdit} onNudgeNote={onNudgeNote} onNudgeFrame={onNudgeFrame} />
          <CursorLayer step={step} showCursors={showCursors} world={world} />
        </World>
      </div>
    </DndContext>
  );
});

/** The one element the camera moves: it alone re-renders on pan and zoom (its children are the same elements). */
function World({ step, worldRef, children }: { step: CanvasStep; worldRef: RefObject<HTMLDivElement>; children: ReactNode }) {
  const camera = useBoardUi((s) => s.cameras[step]);
  const { x, y, zoom } = camera ?? { x: 0, y: 0, zoom: 1 };
  return (
    <div ref={worldRef} className="canvas-world" style={{ transform: `translate(${x}px, ${y}px) scale(${zoom})`, ['--zoom' as string]: zoom }}>
      {children}
    </div>
  );
}
