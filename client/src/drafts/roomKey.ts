import type { Access } from '../sync/roomConnection.ts';

/** Drafts are kept per room; a viewer writes none, so it has no key. */
export function draftRoomKey(access: Access): string | null {
  return access.kind === 'viewer' ? null : access.roomId;
}
