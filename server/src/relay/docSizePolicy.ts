import * as Y from 'yjs';
import type { Role } from '../access.ts';
import { sizeLimitApplies } from './writePolicy.ts';

/** An update that only deletes: it can only shrink the document once compacted, so a full board still takes it. */
export function isDeletionOnly(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size > 0;
}

/**
 * The size a document may reach with this update: a full board must stay cleanable and restorable,
 * so deletions always pass, and so does the facilitator (sizeLimitApplies).
 * `sizeLimitFor('participant', add, 100)` is 100.
 */
export function sizeLimitFor(role: Role, update: Uint8Array, maxDocBytes: number): number {
  if (!sizeLimitApplies(role) || isDeletionOnly(update)) return Infinity;
  return maxDocBytes;
}
