import { useEffect } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import { PROJECTOR_WINDOW, type Rect } from '@okr/shared/workshop';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { parsePresence, updatePresence } from '../sync/presence.ts';
import { fitView, MAX_ZOOM, readableView, visibleWorld } from './camera.ts';
import { throttle } from './throttle.ts';
import { PRESENCE_MS } from './useCanvasGestures.ts';

/**
 * The facilitator's view of a canvas travels in their presence (it changes many times a second,
 * means nothing once they leave, and must not land in the board's history); "Follow me" and
 * "cursors on the projector" are control state, which only a facilitator's connection may change.
 * The projector shows `page` (a region of the canvas the facilitator put up) at a size the back of
 * the room reads; with "Follow me" it shows the facilitator's view instead, at that size or closer.
 */
export function useFollow(step: CanvasStep, projector: boolean, everything: Rect | null, page: Rect | null): { following: boolean } {
  const room = useRoom();
  const store = useBoardUiStore();
  const control = useControl();
  const unfollowed = useBoardUi((s) => s.unfollowed);
  const size = useBoardUi((s) => s.canvasSize);
  const following = projector ? control.followMe : control.followMe && !room.isFacilitator && !unfollowed;
  const publishing = room.isFacilitator && !projector;
  const unfollow = useBoardUi((s) => s.unfollow);
  // Each "Follow me" brings everyone along again, including those who stopped following the last one.
  useEffect(() => {
    if (control.followMe) unfollow(false);
  }, [control.followMe, unfollow]);

  // The facilitator tells the others what part of the canvas they see.
  useEffect(() => {
    if (!publishing) return;
    const send = throttle((view: Rect) => updatePresence(room.awareness, { view: { step, ...view } }), PRESENCE_MS * 2);
    const publish = () => {
      const { cameras, canvasSize } = store.getState();
      const camera = cameras[step];
      if (camera && canvasSize.w > 0) send(visibleWorld(camera, canvasSize));
    };
    publish();
    const stop = store.subscribe(publish);
    return () => {
      stop();
      send.cancel();
      updatePresence(room.awareness, { view: undefined });
    };
  }, [publishing, room, store, step]);

  // The projector: its page, or the facilitator's view when they lead, readable either way.
  useEffect(() => {
    if (!projector || size.w === 0) return;
    const apply = () => {
      const view = following ? facilitatorView(room.awareness.getStates(), room.awareness.clientID, step) : null;
      const target = view ? (intersection(view, everything) ?? view) : (page ?? everything);
      if (target) store.getState().setCamera(step, readableView(target, size, PROJECTOR_WINDOW, view !== null));
    };
    apply();
    if (!following) return;
    room.awareness.on('change', apply);
    return () => room.awareness.off('change', apply);
  }, [following, projector, room, store, step, size, everything, page]);

  // Everyone else who follows takes that view, fitted to their own screen.
  useEffect(() => {
    if (projector || !following || size.w === 0) return;
    const apply = () => {
      const view = facilitatorView(room.awareness.getStates(), room.awareness.clientID, step);
      // What of the facilitator's view has notes in it, as large as it goes: their empty margins are not worth the room's screen.
      const target = view ? (intersection(view, everything) ?? view) : null;
      if (target) store.getState().setCamera(step, fitView(target, size, MAX_ZOOM));
    };
    apply();
    room.awareness.on('change', apply);
    return () => room.awareness.off('change', apply);
  }, [following, projector, room, store, step, size, everything]);

  return { following };
}

function facilitatorView(states: Map<number, unknown>, self: number, step: CanvasStep): Rect | null {
  for (const [clientId, state] of states) {
    if (clientId === self) continue;
    const presence = parsePresence(state);
    if (presence?.user.role === 'facilitator' && presence.view?.step === step) {
      const { x, y, w, h } = presence.view;
      return { x, y, w, h };
    }
  }
  return null;
}

/** The overlap of two rectangles, or null when they do not meet. */
function intersection(a: Rect, b: Rect | null): Rect | null {
  if (!b) return null;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.w, b.x + b.w);
  const bottom = Math.min(a.y + a.h, b.y + b.h);
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : null;
}
