import * as Y from 'yjs';
import type { BoardDoc } from './boardDoc.ts';
import { ORIGIN } from './origins.ts';
import type { RecordCollection } from './recordCollection.ts';

/** One field whose value this device wrote was replaced by a writer who had not seen it. */
export type OverwrittenField = {
  field: string;
  mine: unknown;
  theirs: unknown;
  /** The Yjs client id of the winning writer (awareness uses the same id, so it names them). */
  byClientId: number;
};

/** A lost last-writer-wins conflict on a card: "Ben's change replaced your target 65 → 70". */
export type Overwrite = OverwrittenField & { collection: string; recordId: string };

/**
 * The fields a remote change to one record's map replaced while they held this device's value, and
 * the writer had not seen that value. Y.Map keeps each key's writes as a list of items; a writer's
 * item names as its `origin` the item that was current when they wrote, so the winner descends from
 * ours exactly when its writer saw ours. A sequential edit (they saw mine, then changed it) is no
 * conflict and reports nothing.
 */
export function overwrittenFields(event: Y.YMapEvent<unknown>, transaction: Y.Transaction): OverwrittenField[] {
  const map = event.target;
  const me = map.doc?.clientID;
  if (transaction.local || me === undefined) return [];
  const out: OverwrittenField[] = [];
  event.changes.keys.forEach((change, field) => {
    const winner = map._map.get(field);
    if (change.action !== 'update' || !winner || winner.deleted) return;
    const previous = currentBefore(winner, transaction);
    if (!previous || previous.id.client !== me || descendsFrom(winner, previous)) return;
    out.push({ field, mine: change.oldValue, theirs: plain(map.get(field)), byClientId: winner.id.client });
  });
  return out;
}

/** Every lost conflict on any of the board's cards, as it arrives; returns the unsubscribe. */
export function onOverwritten(board: BoardDoc, listener: (overwrite: Overwrite) => void): () => void {
  const unsubscribes = collectionsOf(board).map((collection) =>
    collection.onOverwritten((recordId, field) => listener({ ...field, collection: collection.name, recordId })),
  );
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

/** Writes my value back as an ordinary, undoable edit. Throws `RecordNotFoundError` if the card is gone. */
export function restoreMine(board: BoardDoc, overwrite: Overwrite): void {
  const collection = collectionsOf(board).find((c) => c.name === overwrite.collection);
  if (!collection) throw new Error(`No collection named "${overwrite.collection}".`);
  board.update(collection, overwrite.recordId, { [overwrite.field]: overwrite.mine }, ORIGIN.user);
}

function collectionsOf(board: BoardDoc): RecordCollection<{ id: string; order: number }>[] {
  return [board.contextItems, board.candidates, board.parked, board.keyResults, board.initiatives];
}

/** The item that held the key before this transaction: the rightmost one that already existed. */
function currentBefore(winner: Y.Item, transaction: Y.Transaction): Y.Item | null {
  for (let item = winner.left; item; item = item.left) {
    if (item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) return item;
  }
  return null;
}

/** Follows `origin` links leftwards from `winner`: a writer's origin is always left of their item. */
function descendsFrom(winner: Y.Item, ancestor: Y.Item): boolean {
  let wanted = winner.origin;
  for (let item = winner.left; item && wanted; item = item.left) {
    if (!covers(item, wanted)) {
      if (item === ancestor) return false;
      continue;
    }
    if (item === ancestor) return true;
    wanted = item.origin;
  }
  return false;
}

function covers(item: Y.Item, id: Y.ID): boolean {
  return item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length;
}

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}
