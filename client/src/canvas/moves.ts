/** Arrow keys as a direction, for moving a focused note or cluster handle without a drag. */
export const ARROWS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Canvas units one arrow press moves; Shift moves five times as far. */
export const NUDGE = 20;

/** dnd-kit's drag offset is in screen pixels; inside the zoomed world it is divided by the zoom (`--zoom`, set by the world). */
export function previewTransform(transform: { x: number; y: number } | null): { transform?: string } {
  return transform ? { transform: `translate(calc(${transform.x}px / var(--zoom)), calc(${transform.y}px / var(--zoom)))` } : {};
}
