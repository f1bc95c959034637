import type { BoardDoc } from '@okr/shared/doc';
import type { Role } from '../access.ts';
import type { WriteGuard } from './relayDoc.ts';
import type { WritePolicyProblem } from './updateCheck.ts';
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

/**
 * What a connection's board update may not change, checked on the transaction it made (and rolled
 * back when it does): nobody writes the old ballot and confidence-vote collections (votes go to
 * the server, which keeps them private), and only a facilitator changes a key result's kept
 * confidence. Called just before the update is applied, so it can note the values before.
 */
export function boardWriteGuard(role: Role, board: BoardDoc): WriteGuard {
  const keptBefore = role === 'facilitator' ? null : board.keptConfidences();
  return (transaction): WritePolicyProblem | null => {
    if (board.touchesLegacyVotes(transaction)) return 'legacy-votes';
    if (keptBefore && changedKeptConfidence(keptBefore, board.keptConfidences())) return 'kept-confidence';
    return null;
  };
}

/** A kept value changed, or a key result appeared with one (re-creating it is how one would forge it). */
function changedKeptConfidence(before: ReadonlyMap<string, number | undefined>, after: ReadonlyMap<string, number | undefined>): boolean {
  for (const [id, value] of after) {
    if (value !== before.get(id) && !(value === undefined && !before.has(id))) return true;
  }
  return false;
}
