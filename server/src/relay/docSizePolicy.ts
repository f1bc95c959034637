import * as Y from 'yjs';
import type { Role } from '../access.ts';

/** How far past MAX_DOC_BYTES the facilitator's edits may take a document: enough to reword and reorganise a full board. */
export const FACILITATOR_HEADROOM = 1.25;

/** An update that only deletes: it can only shrink the document once compacted, so a full board still takes it. */
export function isDeletionOnly(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size > 0;
}

/**
 * The size a document may reach with this update: a full board must stay cleanable, so deletions
 * always pass and the facilitator gets headroom. `sizeLimitFor('participant', add, 100)` is 100.
 */
export function sizeLimitFor(role: Role, update: Uint8Array, maxDocBytes: number): number {
  if (isDeletionOnly(update)) return Infinity;
  return role === 'facilitator' ? maxDocBytes * FACILITATOR_HEADROOM : maxDocBytes;
}
