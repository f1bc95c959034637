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

/**
 * Whether the document size limit may refuse a peer's update. Not a facilitator's: restoring a
 * version (History) is a facilitator's update that re-inserts cards, and it must work on a board
 * that is full, which is when a wiped or vandalised board most needs it. Participants stay bounded.
 */
export function sizeLimitApplies(role: Role): boolean {
  return role !== 'facilitator';
}
