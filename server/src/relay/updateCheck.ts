import * as Y from 'yjs';
import type { DecodedUpdate } from '@okr/shared/doc';

/** Why an update was refused; the connection that sent it is closed so an honest client resyncs. */
export type UpdateProblem = 'undecodable' | 'missing-dependencies' | 'forward-reference' | 'empty-struct' | 'out-of-range' | 'subdocument' | 'unknown-root';

export class UpdateRejectedError extends Error {
  override name = 'UpdateRejectedError';
  constructor(
    readonly problem: UpdateProblem | 'failed-to-integrate' | 'left-pending' | 'out-of-schema' | WritePolicyProblem,
    /** What was wrong, for the log and (out of schema) the close reason: `candidates.x1.text: is longer than…`. */
    readonly detail?: string,
    /** Whether refusing it rebuilt the document (it had been applied): the costly kind, bounded per address. */
    readonly rolledBack = false,
  ) {
    super(`update refused: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

/** What the room's write policy refuses after seeing what an update changed (writePolicy.ts). */
export const WRITE_POLICY_PROBLEMS = ['legacy-votes', 'kept-confidence'] as const;
export type WritePolicyProblem = (typeof WRITE_POLICY_PROBLEMS)[number];

export function isWritePolicyProblem(problem: string): problem is WritePolicyProblem {
  return (WRITE_POLICY_PROBLEMS as readonly string[]).includes(problem);
}

type Id = { client: number; clock: number };

/**
 * Checks an update from a client against the document before it is applied, so that what the
 * relay applies can always be integrated completely. Returns the problem, or null when it may be
 * applied.
 *
 * Why: `Y.applyUpdate` trusts its input. An update that does not decode can throw half-way (the
 * delete set is read only after the structs were integrated), and an update that decodes but
 * refers to structs nobody sent is kept in `doc.store.pendingStructs`/`pendingDs` for ever: it
 * costs memory, is retried on every later update, and `encodeStateAsUpdate` merges it into every
 * sync step 2 and every compacted snapshot, so one hostile message would be re-sent to every
 * client and stored. Honest y-websocket clients never send either: they send what their own
 * transactions produced or what the server's state vector lacks, which only ever builds on what
 * the server already has (the server is their only peer). So a dependency gap means the sender is
 * broken or hostile, and refusing it costs an honest client nothing but a resync.
 *
 * With `roots`, an item hanging off any other root is refused as well ('unknown-root').
 *
 * The check is the cheap, conservative part; `RelayDoc.apply` still catches what it cannot see
 * (a cycle between clients ends up pending; a corrupt struct can throw) and rolls back.
 */
export function checkUpdate(update: Uint8Array | DecodedUpdate, doc: Y.Doc, roots?: ReadonlySet<string>): UpdateProblem | null {
  const decoded = update instanceof Uint8Array ? decodeClientUpdate(update) : update;
  if (!decoded) return 'undecodable';
  // What each client's clock will reach once the update is in: the document's state extended by
  // the structs of the update that join on without a gap.
  const reach = new Map<number, number>();
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip) continue;
    // Yjs never writes an empty struct; one would share its clock with the next and confuse the
    // store's binary search. Clocks past 2^53 lose precision.
    if (struct.length <= 0) return 'empty-struct';
    if (clock + struct.length > Number.MAX_SAFE_INTEGER) return 'out-of-range';
    if (clock > reachOf(reach, doc, client)) return 'missing-dependencies';
    reach.set(client, Math.max(reachOf(reach, doc, client), clock + struct.length));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const refs: (Id | null)[] = [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null];
    for (const ref of refs) {
      if (!ref) continue;
      // A struct can only build on earlier structs of its own client; Yjs looks those up without
      // checking and throws mid-integration when they are not there.
      if (ref.client === struct.id.client ? ref.clock >= struct.id.clock : ref.clock >= reachOf(reach, doc, ref.client)) {
        return ref.client === struct.id.client ? 'forward-reference' : 'missing-dependencies';
      }
    }
    // Subdocuments create Y.Doc instances on the server and are not part of the board's schema.
    if (struct.content instanceof Y.ContentDoc) return 'subdocument';
    // A root the document's layout does not name: refused here, before anything is applied and
    // has to be rolled back (the schema check after applying would find it too, at a rebuild's cost).
    if (roots && typeof struct.parent === 'string' && !roots.has(struct.parent)) return 'unknown-root';
  }
  for (const [client, deletes] of decoded.ds.clients) {
    for (const range of deletes) {
      if (range.clock + range.len > reachOf(reach, doc, client)) return 'missing-dependencies';
    }
  }
  return null;
}

/** What `client`'s clock reaches: as far as the update's structs so far take it, or the document's own. */
function reachOf(reach: ReadonlyMap<number, number>, doc: Y.Doc, client: number): number {
  return reach.get(client) ?? Y.getState(doc.store, client);
}

/**
 * A client's update decoded once, for every check that reads it (its writers, the cards it deletes,
 * checkUpdate), or null when it does not decode: each used to decode it again.
 */
export function decodeClientUpdate(update: Uint8Array): DecodedUpdate | null {
  try {
    return Y.decodeUpdate(update);
  } catch {
    return null;
  }
}

/**
 * Drops whatever Yjs kept aside as pending. The relay keeps none on purpose (see checkUpdate), so
 * finding any means an update slipped past the check; returns whether there was some.
 */
export function dropPendingState(doc: Y.Doc): boolean {
  const had = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  return had;
}
