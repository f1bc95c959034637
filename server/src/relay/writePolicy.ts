import type { Role } from '../access.ts';
import type { DocName } from '../store/roomStore.ts';

/**
 * Whether a connection may change a document: viewers never, the control document only a
 * facilitator, and a locked board only a facilitator. `mayWrite('participant', 'board', true)` is false.
 */
export function mayWrite(role: Role, docName: DocName, locked: boolean): boolean {
  if (role === 'viewer') return false;
  if (docName === 'control') return role === 'facilitator';
  return role === 'facilitator' || !locked;
}

/**
 * Whether a refused write may be a participant's board edit that met the lock: the client keeps it
 * and the server does not. Such a writer is told once (permission denied: the board is locked) and
 * asked for what it holds (sync step 1) when the board unlocks; its connection stays open, so no
 * client loops on reconnect and nobody drops off presence. Anything else refused is only dropped.
 */
export function refusalMayHaveRacedTheLock(role: Role, docName: DocName): boolean {
  return docName === 'board' && role === 'participant';
}

/** Viewers watch and are not shown; the control document has no presence. */
export function mayShowPresence(role: Role, docName: DocName): boolean {
  return docName === 'board' && role !== 'viewer';
}
