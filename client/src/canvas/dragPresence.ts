import type { CanvasStep } from '@okr/shared/schema';
import { throttle } from './throttle.ts';

export type Dragging = { step: CanvasStep; id: string; x: number; y: number };

/**
 * This person's note drag as presence: sent while a drag is on, throttled, and cleared once when
 * it ends. A move that arrives after the end is dropped: dnd-kit reports its last move from an
 * effect, which may run after the drop was handled (a mouse-up before React flushed that effect,
 * likelier on a busy machine), and sending it would leave the note "being dragged" on every other
 * screen for good.
 * Example: `const drag = new DragPresence('context', (d) => updatePresence(awareness, { dragging: d }), 50)`.
 */
export class DragPresence {
  private active: string | null = null;
  private readonly send: ReturnType<typeof throttle<[Dragging]>>;

  constructor(
    private readonly step: CanvasStep,
    private readonly post: (dragging: Dragging | undefined) => void,
    intervalMs: number,
  ) {
    this.send = throttle((dragging: Dragging) => post(dragging), intervalMs);
  }

  /** A drag of the note `id` began. */
  start(id: string): void {
    this.end();
    this.active = id;
  }

  /** The note `id` is now at (x, y), in canvas units; ignored unless it is the note being dragged. */
  move(id: string, x: number, y: number): void {
    if (this.active !== id) return;
    this.send({ step: this.step, id, x: Math.round(x), y: Math.round(y) });
  }

  /** The drag ended (dropped, cancelled, or the canvas went away): a pending move is dropped and presence cleared, once. */
  end(): void {
    this.send.cancel();
    if (this.active === null) return;
    this.active = null;
    this.post(undefined);
  }
}
