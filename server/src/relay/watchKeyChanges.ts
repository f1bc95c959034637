import type { Logger } from 'pino';
import type { RoomStore } from '../store/roomStore.ts';
import type { RoomRegistry } from './roomRegistry.ts';

/** How often the relay looks for rotations made outside it (`okr links` writes the store directly). */
export const KEY_WATCH_INTERVAL_MS = 500;

/** Rotations commit with the writer's clock; look back this far so a slow commit is not missed (a re-check is harmless). */
const LOOK_BACK_MS = 5_000;

/**
 * Closes connections whose link was rotated by another process: the API's own rotations revalidate
 * at once, but the command-line tool only has the store. One indexed query per interval.
 */
export function watchKeyChanges(store: RoomStore, registry: RoomRegistry, log: Logger, intervalMs = KEY_WATCH_INTERVAL_MS): () => void {
  let seen = Date.now();
  const handled = new Map<string, number>();
  const timer = setInterval(() => {
    try {
      for (const { id, at } of store.keysChangedSince(seen - LOOK_BACK_MS)) {
        if (handled.get(id) === at) continue;
        handled.set(id, at);
        seen = Math.max(seen, at);
        if (registry.get(id)) registry.revalidate(id);
      }
      for (const [id, at] of handled) if (at < seen - LOOK_BACK_MS) handled.delete(id);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'key change check failed');
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
