import { isWellFormedSecret } from './store/keys.ts';
import type { RoomStore } from './store/roomStore.ts';

/** What a link lets its holder do in a room (README "Links and roles"). */
export type Role = 'facilitator' | 'participant' | 'viewer';

/** With no allow-list every origin may connect; otherwise a browser's Origin must be on it. Non-browser clients send none. */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0 || origin === undefined) return true;
  return allowed.includes(origin);
}

/** Whether `key` is the room's facilitator key; a malformed key is refused before the store is asked. */
export function isFacilitatorKey(store: RoomStore, roomId: string, key: string): boolean {
  return isWellFormedSecret(key) && store.isFacilitatorKey(roomId, key);
}

/** The room a viewer link opens, if the key is well formed and names one. */
export function roomIdForViewerKey(store: RoomStore, viewerKey: string): string | undefined {
  return isWellFormedSecret(viewerKey) ? store.roomIdForViewerKey(viewerKey) : undefined;
}

/** The key of an `Authorization: Bearer <key>` header, or undefined when there is none. */
export function bearerKey(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
}
