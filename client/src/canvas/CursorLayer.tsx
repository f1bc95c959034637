import { useEffect, useRef, useState } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import { useRoom } from '../sync/RoomContext.tsx';
import { parsePresence } from '../sync/presence.ts';
import { RemoteDrags } from './remoteDrags.ts';

type Cursor = { clientId: number; name: string; color: string; x: number; y: number };
/**
 * How long each move's animation runs before it holds still (`fill: 'forwards'`): longer than the
 * gap between two moves of a drag, so a moving note stays on the compositor, and short, because a
 * running animation asks the page for a style update every frame (a still note needs none).
 */
const HOLD_MS = 1000;
/** A note someone else drags, as this layer shifted it: its element and the animation that holds it there. */
type Shifted = { el: HTMLElement; hold: Animation };

/**
 * Other people's cursors with their names, and the notes they are dragging, moved live from
 * presence, at most once an animation frame. Its own small render: a cursor moving never
 * re-renders a note; a note someone drags is shifted by a Web Animation of the CSS `translate`
 * property on its element, which React's style never sets. A drag ends as RemoteDrags says (dropped, the person
 * gone, or still for too long), so no note is left drawn where someone once dragged it.
 */
export function CursorLayer({ step, showCursors, world }: { step: CanvasStep; showCursors: boolean; world: React.RefObject<HTMLDivElement | null> }) {
  const room = useRoom();
  const [cursors, setCursors] = useState<readonly Cursor[]>([]);
  const shifted = useRef(new Map<string, Shifted>());

  useEffect(() => {
    const root = world.current;
    const drags = new RemoteDrags();
    let recheck: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      frame = 0;
      const next: Cursor[] = [];
      const dragging = new Map<number, { id: string; x: number; y: number }>();
      room.awareness.getStates().forEach((state, clientId) => {
        if (clientId === room.awareness.clientID) return;
        const parsed = parsePresence(state);
        if (!parsed) return;
        const { user, cursor, dragging: drag } = parsed;
        if (showCursors && cursor?.step === step) next.push({ clientId, name: user.name, color: user.color, x: cursor.x, y: cursor.y });
        if (drag?.step === step) dragging.set(clientId, drag);
      });
      setCursors((prev) => (sameCursors(prev, next) ? prev : next));
      const now = performance.now();
      const { dragged, recheckAt } = drags.read(dragging, now);
      moveDragged(root, dragged, shifted.current);
      // Nothing may arrive when a drag goes stale: look again then.
      clearTimeout(recheck);
      if (recheckAt !== null) recheck = setTimeout(schedule, recheckAt - now);
    };
    // A room of 30 sends 600 presence messages a second: draw at most once a frame, with the newest of them.
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    draw();
    room.awareness.on('change', schedule);
    const shiftedNow = shifted.current;
    return () => {
      room.awareness.off('change', schedule);
      cancelAnimationFrame(frame);
      clearTimeout(recheck);
      moveDragged(root, new Map(), shiftedNow);
    };
  }, [room, step, showCursors, world]);

  return (
    <div className="cursor-layer" aria-hidden="true">
      {cursors.map((c) => (
        <div key={c.clientId} className="cursor" style={{ transform: `translate(${c.x}px, ${c.y}px) scale(calc(1 / var(--zoom)))`, color: c.color }}>
          <svg width="18" height="22" viewBox="0 0 18 22">
            <path d="M1 1 L1 18 L6 13 L10 21 L13 20 L9 12 L16 12 Z" fill="currentColor" stroke="#fff" strokeWidth="1.5" />
          </svg>
          <span className="cursor-name" style={{ background: c.color }}>
            {c.name}
          </span>
        </div>
      ))}
    </div>
  );
}

/**
 * Shifts each note someone else drags to where their presence says it is now; puts back the ones let
 * go. Each move holds the note at its new place with a Web Animation of `translate` (replacing the
 * last one) rather than an inline style: the compositor moves an animated element without the page
 * painting or layerizing again, where a style change repainted the page and laid out its layers
 * anew on every one of a drag's 30 moves a second (canvas benchmark timeline, BENCHMARKS.md).
 * `shifted` keeps each element, so a move queries none of the world's 300 notes; a note React drew
 * again (a new element) is looked up once more.
 */
function moveDragged(root: HTMLElement | null, dragged: ReadonlyMap<string, { x: number; y: number }>, shifted: Map<string, Shifted>): void {
  if (!root) return;
  for (const [id, { el, hold }] of shifted) {
    if (dragged.has(id) && el.isConnected) continue;
    hold.cancel();
    el.classList.remove('is-remote-drag');
    shifted.delete(id);
  }
  for (const [id, at] of dragged) {
    const before = shifted.get(id);
    const el = before?.el ?? root.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"]`);
    if (!el) continue;
    // A no-op while the class is there; puts it back if React wrote the note's className meanwhile.
    el.classList.add('is-remote-drag');
    // Its place on the board may have changed under the drag (someone else's drop): read it each move.
    const translate = `${at.x - Number(el.dataset.x)}px ${at.y - Number(el.dataset.y)}px`;
    // Held there until the next move or the end of the drag.
    const hold = el.animate([{ translate }, { translate }], { duration: HOLD_MS, fill: 'forwards' });
    before?.hold.cancel();
    shifted.set(id, { el, hold });
  }
}

function sameCursors(a: readonly Cursor[], b: readonly Cursor[]): boolean {
  return a.length === b.length && a.every((c, i) => c.clientId === b[i]!.clientId && c.x === b[i]!.x && c.y === b[i]!.y && c.name === b[i]!.name);
}
