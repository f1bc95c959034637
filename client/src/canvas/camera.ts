import type { CanvasPos } from '@okr/shared/schema';
import type { Rect } from '@okr/shared/workshop';

/**
 * This device's view of a canvas: screen = world × zoom + (x, y). Local UI state, never shared.
 * `auto`: set by "show everything" rather than by the person, so it follows resizes and new notes
 * until they pan or zoom themselves.
 */
export type Camera = { x: number; y: number; zoom: number; auto?: boolean };
export type Size = { w: number; h: number };

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2.5;
/** "Fit all" never blows a few notes up past this, so three cards do not fill a projector. */
const FIT_MAX_ZOOM = 1.25;
const FIT_MARGIN = 24;

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/**
 * The camera that shows all of `world` in a viewport of `size`, centred.
 * @example fitView({ x: 0, y: 0, w: 1000, h: 500 }, { w: 548, h: 548 }) // → { zoom: 0.5, x: 24, y: 149 }
 */
export function fitView(world: Rect | null, size: Size, maxZoom = FIT_MAX_ZOOM): Camera {
  if (!world || size.w <= 0 || size.h <= 0) return { x: size.w / 2, y: size.h / 2, zoom: 1 };
  const zoom = clampZoom(Math.min((size.w - 2 * FIT_MARGIN) / Math.max(world.w, 1), (size.h - 2 * FIT_MARGIN) / Math.max(world.h, 1), maxZoom));
  return { zoom, x: Math.round(size.w / 2 - (world.x + world.w / 2) * zoom), y: Math.round(size.h / 2 - (world.y + world.h / 2) * zoom) };
}

/** Zooms by `factor` keeping the world point under `screen` where it is (the pointer, or the viewport's centre). */
export function zoomAt(camera: Camera, factor: number, screen: CanvasPos): Camera {
  const zoom = clampZoom(camera.zoom * factor);
  const world = toWorld(camera, screen);
  return { zoom, x: screen.x - world.x * zoom, y: screen.y - world.y * zoom };
}

export function toWorld(camera: Camera, screen: CanvasPos): CanvasPos {
  return { x: (screen.x - camera.x) / camera.zoom, y: (screen.y - camera.y) / camera.zoom };
}

/** The part of the canvas a viewport of `size` shows: what "Follow me" sends. */
export function visibleWorld(camera: Camera, size: Size): Rect {
  const topLeft = toWorld(camera, { x: 0, y: 0 });
  return { x: Math.round(topLeft.x), y: Math.round(topLeft.y), w: Math.round(size.w / camera.zoom), h: Math.round(size.h / camera.zoom) };
}

/**
 * The projector's camera on `target` (a page of the canvas, or the facilitator's view): centred on
 * it, never smaller than the zoom that fits `window` (PROJECTOR_WINDOW) in `size`, where a note's
 * text is readable from the back of the room. A page is shown at exactly that zoom, so every page's
 * notes are the same size; a followed view closer than a page is shown as close as it is.
 * @example readableView({ x: 0, y: 0, w: 200, h: 120 }, { w: 1880, h: 660 }, { w: 940, h: 330 }, false) // → zoom 2, the note in the middle
 */
export function readableView(target: Rect, size: Size, window: { w: number; h: number }, closer: boolean): Camera {
  const readable = Math.min(size.w / window.w, size.h / window.h);
  const fit = Math.min((size.w - 2 * FIT_MARGIN) / Math.max(target.w, 1), (size.h - 2 * FIT_MARGIN) / Math.max(target.h, 1));
  const zoom = closer ? Math.max(readable, Math.min(fit, MAX_ZOOM)) : readable;
  return { zoom, x: Math.round(size.w / 2 - (target.x + target.w / 2) * zoom), y: Math.round(size.h / 2 - (target.y + target.h / 2) * zoom) };
}
