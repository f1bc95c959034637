import { useEffect, type RefObject } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { toWorld, zoomAt, type Camera } from './camera.ts';
import { throttle } from './throttle.ts';

/** Presence goes out about 20 times a second at most; the server coalesces per turn and bounds each sender's bytes (PRESENCE_BYTES_PER_SECOND). */
export const PRESENCE_MS = 50;

/**
 * Pan (drag empty space, wheel or trackpad), zoom (Ctrl/Cmd + wheel, pinch) and this person's
 * cursor as presence. Listeners on the viewport element, not React state: a pan moves one
 * transform, never re-renders a note.
 */
export function useCanvasGestures(viewport: RefObject<HTMLDivElement | null>, step: CanvasStep, shareCursor: boolean): void {
  const store = useBoardUiStore();
  const room = useRoom();
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const camera = (): Camera => store.getState().cameras[step] ?? { x: 0, y: 0, zoom: 1 };
    // Moved by the person: no longer an automatic "show everything" view.
    const set = (next: Camera) => store.getState().setCamera(step, { x: next.x, y: next.y, zoom: next.zoom });
    const local = (event: { clientX: number; clientY: number }) => {
      const box = el.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    const sendCursor = throttle((x: number, y: number) => updatePresence(room.awareness, { cursor: { step, x: Math.round(x), y: Math.round(y) } }), PRESENCE_MS);
    const pointers = new Map<number, { x: number; y: number }>();
    let pinch: { distance: number } | null = null;

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) set(zoomAt(camera(), Math.exp(-event.deltaY * 0.01), local(event)));
      else set({ ...camera(), x: camera().x - event.deltaX, y: camera().y - event.deltaY });
    };
    // Only empty canvas pans: a press on a note or a control belongs to dnd-kit or the control.
    const onEmpty = (target: EventTarget | null) => target instanceof HTMLElement && (target === el || target.classList.contains('canvas-world') || target.classList.contains('frame-notes'));
    const onDown = (event: PointerEvent) => {
      if (!onEmpty(event.target)) return;
      el.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, local(event));
      if (pointers.size === 2) pinch = { distance: spread(pointers) };
    };
    const onMove = (event: PointerEvent) => {
      const at = local(event);
      if (shareCursor) {
        const world = toWorld(camera(), at);
        sendCursor(world.x, world.y);
      }
      const before = pointers.get(event.pointerId);
      if (!before) return;
      pointers.set(event.pointerId, at);
      if (pointers.size === 1) set({ ...camera(), x: camera().x + at.x - before.x, y: camera().y + at.y - before.y });
      else if (pinch && pointers.size === 2) {
        const distance = spread(pointers);
        const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        set(zoomAt(camera(), distance / pinch.distance, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }));
        pinch = { distance };
      }
    };
    const onUp = (event: PointerEvent) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
    };
    const onLeave = () => {
      if (!shareCursor) return;
      sendCursor.cancel();
      updatePresence(room.awareness, { cursor: undefined });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('pointerleave', onLeave);
      onLeave();
    };
  }, [viewport, store, room, step, shareCursor]);
}

function spread(pointers: Map<number, { x: number; y: number }>): number {
  const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
  return Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
}
