import { isWellFormedSecret, keyMatches } from './store/keys.ts';
import type { RoomKeyRow, RoomStore } from './store/roomStore.ts';

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

/** Whether `/r/<roomId>` alone still admits participants: until the facilitator first rotates the participant link. */
export function isOpenParticipantLink(store: RoomStore, roomId: string): boolean {
  return store.keyRow(roomId)?.participantHash === null;
}

/** Who `key` makes its holder in the room: its facilitator, a participant (rotated participant link), or nobody. */
export function roleForRoomKey(store: RoomStore, roomId: string, key: string): 'facilitator' | 'participant' | undefined {
  return isWellFormedSecret(key) ? roleForKeyRow(store.keyRow(roomId), key) : undefined;
}

/** Who `key` makes its holder, given the room's key row (from either store). */
export function roleForKeyRow(row: RoomKeyRow | undefined, key: string): 'facilitator' | 'participant' | undefined {
  if (!row || !isWellFormedSecret(key)) return undefined;
  if (keyMatches(key, row.facilitatorHash)) return 'facilitator';
  if (row.participantHash && keyMatches(key, row.participantHash)) return 'participant';
  return undefined;
}

/** Whether `key` once opened `roomId` (or, without a room, any room) and was rotated away. */
export function wasRevoked(store: RoomStore, key: string, roomId?: string): boolean {
  if (!isWellFormedSecret(key)) return false;
  const room = store.roomOfRevokedKey(key);
  return room !== undefined && (roomId === undefined || room === roomId);
}
