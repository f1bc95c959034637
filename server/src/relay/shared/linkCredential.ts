import { timingSafeEqual } from 'node:crypto';
import type { Role } from '../../access.ts';
import { hashKey } from '../../store/keys.ts';
import type { RoomKeyRow } from '../../store/roomStore.ts';

/**
 * What admitted a connection in shared mode: its role and the hash of the key it came with (null
 * for the open participant link `/r/<roomId>`). Only the hash is kept, so a ticket's grant in
 * Redis never holds a key.
 */
export type LinkCredential = { role: Role; keyHash: Buffer | null };

export function credentialOf(role: Role, key: string | null | undefined): LinkCredential {
  return { role, keyHash: key === null || key === undefined ? null : hashKey(key) };
}

/** Whether the room's current keys still give `credential` its role: false once its link was rotated away. */
export function credentialOpens(row: RoomKeyRow | undefined, credential: LinkCredential): boolean {
  if (!row) return false;
  if (credential.keyHash === null) return credential.role === 'participant' && row.participantHash === null;
  const current = credential.role === 'facilitator' ? row.facilitatorHash : credential.role === 'viewer' ? row.viewerHash : row.participantHash;
  return current !== null && current.length === credential.keyHash.length && timingSafeEqual(current, credential.keyHash);
}
