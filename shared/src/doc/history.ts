import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { docFromUpdates } from './encoding.ts';
import { ORIGIN } from './origins.ts';

/** Card collections, in the order the board shows its steps. */
const CARD_COLLECTIONS = ['contextItems', 'candidates', 'parked', 'keyResults', 'initiatives'] as const;

/** The ids of every card on the board (context, candidates, parked, key results, initiatives), sorted. */
export function cardIds(board: BoardDoc): string[] {
  return CARD_COLLECTIONS.flatMap((name) => board[name].list().map((record) => record.id)).sort();
}

/** The card ids of a stored board snapshot (`Y.encodeStateAsUpdate` of a board document). */
export function cardIdsOfSnapshot(snapshot: Uint8Array): string[] {
  const doc = docFromUpdates([snapshot]);
  try {
    return cardIds(new BoardDoc(doc));
  } finally {
    doc.destroy();
  }
}

export type ChangeSummary = { cards: number; added: number; removed: number };

/**
 * What changed between two versions' card ids: `changeSummary(['a', 'b'], ['b', 'c'])` is
 * `{ cards: 2, added: 1, removed: 1 }`. With no earlier version every card counts as added.
 */
export function changeSummary(previous: readonly string[] | undefined, ids: readonly string[]): ChangeSummary {
  const before = new Set(previous ?? []);
  const after = new Set(ids);
  let added = 0;
  let removed = 0;
  for (const id of after) if (!before.has(id)) added += 1;
  for (const id of before) if (!after.has(id)) removed += 1;
  return { cards: after.size, added, removed };
}

/** An update as `Y.decodeUpdate` reads it: a caller that decoded it already passes that on. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * How many cards an update about to be applied to `doc` deletes: the card entries whose current
 * item falls in the update's delete set. Lets the server keep a version before a big deletion.
 * An update that does not decode deletes nothing here (the relay refuses it elsewhere).
 *
 * It looks up only the items the delete set names (a binary search per range), not every card on
 * the board: most edits delete something (setting a map key deletes its old value), so scanning
 * the cards cost every update as much as the board is big.
 */
export function cardsDeletedBy(doc: Y.Doc, update: Uint8Array | DecodedUpdate): number {
  let deleteSet: DecodedUpdate['ds'];
  try {
    deleteSet = update instanceof Uint8Array ? Y.decodeUpdate(update).ds : update.ds;
  } catch {
    return 0;
  }
  if (deleteSet.clients.size === 0) return 0;
  const collections = cardCollections(doc);
  // Most deleting updates delete no card (a field set inside one): no set for those.
  let counted: Set<Y.Item> | undefined;
  for (const [client, ranges] of deleteSet.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock >= known) continue;
      // An item counts when its id (its first clock) is in the range, as Y.isDeleted(ds, item.id) decides.
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const item = structs[i]!;
        if (!(item instanceof Y.Item) || item.deleted || item.id.clock < clock || item.parentSub === null) continue;
        if (collections.has(item.parent) && (item.parent as Y.Map<unknown>)._map.get(item.parentSub) === item) (counted ??= new Set()).add(item);
      }
    }
  }
  return counted?.size ?? 0;
}

/** Each document's card collections, found once: the relay asks on every deleting update, and a root map stays the same object for its document's life. */
const cardCollectionsOf = new WeakMap<Y.Doc, ReadonlySet<unknown>>();

function cardCollections(doc: Y.Doc): ReadonlySet<unknown> {
  let collections = cardCollectionsOf.get(doc);
  if (!collections) {
    collections = new Set<unknown>(CARD_COLLECTIONS.map((name) => doc.getMap(name)));
    cardCollectionsOf.set(doc, collections);
  }
  return collections;
}

/**
 * The forward change that makes `current` equal to a stored version (see BoardDoc.restoreFrom),
 * as one update to apply or store; null when the board already equals it. Worked out on a copy,
 * so `current` (a server's live document) gets no observers and changes only when the caller
 * applies the result. Its structs are written under `writer`, the Yjs client id of whoever makes
 * the restore (a server binds ids to writers); without one, under a fresh random id.
 */
export function restoreUpdate(current: Y.Doc, versionSnapshot: Uint8Array, writer?: number): Uint8Array | null {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
    // Set after loading: Yjs moves a document to a new random id when an update it applies carries its own.
    if (writer !== undefined) copy.clientID = writer;
    const before = Y.encodeStateVector(copy);
    let changed = false;
    copy.on('update', () => (changed = true));
    new BoardDoc(copy).restoreFrom(versionSnapshot, ORIGIN.restore);
    return changed ? Y.encodeStateAsUpdate(copy, before) : null;
  } finally {
    copy.destroy();
  }
}
