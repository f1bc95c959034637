import * as Y from 'yjs';
import {
  candidateSchema,
  clusterSchema,
  contextItemSchema,
  dismissalSchema,
  initiativeSchema,
  keyResultSchema,
  newRecordId,
  parkedItemSchema,
  workshopSchema,
  type CanvasPos,
  type CanvasStep,
  type Candidate,
  type Cluster,
  type ContextItem,
  type Initiative,
  type KeyResult,
  type ParkedItem,
  type Workshop,
} from '../schema/index.ts';
import { mergedAuthorsOf, suggestedMergeText } from '../workshop/merge.ts';
import { ORIGIN, type Origin } from './origins.ts';
import { MapCache } from './mapCache.ts';
import { RecordCollection, RecordNotFoundError } from './recordCollection.ts';
import { docFromUpdates } from './encoding.ts';
import { differingFields, restoreCollection } from './restore.ts';

export type NewContextItem = Omit<ContextItem, 'id' | 'order'> & { id?: string };
export type NewCandidate = Omit<Candidate, 'id' | 'order'> & { id?: string };
export type NewParkedItem = Omit<ParkedItem, 'id' | 'order'> & { id?: string };
export type NewKeyResult = Omit<KeyResult, 'id' | 'order'> & { id?: string };
export type NewInitiative = Omit<Initiative, 'id' | 'order'> & { id?: string };
/** The collections whose cards are notes on a canvas. */
export type CanvasCollection = 'contextItems' | 'candidates' | 'keyResults' | 'initiatives';

/**
 * The board's shared content: everything participants write. The only way the app reads or
 * writes it. Facilitator-owned state lives in {@link ControlDoc}, a second document.
 */
export class BoardDoc {
  readonly contextItems: RecordCollection<ContextItem>;
  readonly candidates: RecordCollection<Candidate>;
  readonly parked: RecordCollection<ParkedItem>;
  readonly keyResults: RecordCollection<KeyResult>;
  readonly initiatives: RecordCollection<Initiative>;
  readonly clusters: RecordCollection<Cluster>;
  private readonly workshopMap: Y.Map<unknown>;
  private readonly ballots: Y.Map<unknown>;
  private readonly confidence: Y.Map<unknown>;
  private readonly dismissals: Y.Map<unknown>;
  private readonly workshopReads: MapCache;
  private readonly dismissalReads: MapCache;

  constructor(readonly ydoc: Y.Doc = new Y.Doc()) {
    this.contextItems = new RecordCollection(ydoc, 'contextItems', contextItemSchema);
    this.candidates = new RecordCollection(ydoc, 'candidates', candidateSchema);
    this.parked = new RecordCollection(ydoc, 'parked', parkedItemSchema);
    this.keyResults = new RecordCollection(ydoc, 'keyResults', keyResultSchema);
    this.initiatives = new RecordCollection(ydoc, 'initiatives', initiativeSchema);
    this.clusters = new RecordCollection(ydoc, 'clusters', clusterSchema);
    this.workshopMap = ydoc.getMap('workshop');
    this.ballots = ydoc.getMap('ballots');
    this.confidence = ydoc.getMap('confidenceVotes');
    this.dismissals = ydoc.getMap('dismissals');
    this.workshopReads = new MapCache(this.workshopMap);
    this.dismissalReads = new MapCache(this.dismissals);
  }

  /** Root types undo may track: every one a person edits directly. */
  undoScope(): Y.AbstractType<unknown>[] {
    return [
      this.contextItems.root,
      this.candidates.root,
      this.parked.root,
      this.keyResults.root,
      this.initiatives.root,
      this.clusters.root,
      this.workshopMap,
      this.dismissals,
    ] as Y.AbstractType<unknown>[];
  }

  transact(fn: () => void, origin: Origin = ORIGIN.user): void {
    this.ydoc.transact(fn, origin);
  }

  /** Calls `listener` after every change, local or remote; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.ydoc.on('afterTransaction', listener);
    return () => this.ydoc.off('afterTransaction', listener);
  }

  // Workshop metadata -------------------------------------------------------------------------

  /** The same object until the metadata changes. */
  workshop(): Workshop {
    return this.workshopReads.read('', () => {
      const result = workshopSchema.safeParse(this.workshopMap.toJSON());
      return result.success ? result.data : { title: String(this.workshopMap.get('title') ?? '') };
    });
  }

  updateWorkshop(patch: Partial<Workshop>, origin: Origin = ORIGIN.user): void {
    const next = workshopSchema.parse({ ...this.workshop(), ...patch });
    this.transact(() => {
      for (const key of Object.keys(patch) as (keyof Workshop)[]) {
        const value = next[key];
        if (value === undefined) this.workshopMap.delete(key);
        else this.workshopMap.set(key, value);
      }
      this.workshopReads.clear();
    }, origin);
  }

  // Cards --------------------------------------------------------------------------------------

  addContextItem(input: NewContextItem, origin: Origin = ORIGIN.user): string {
    return this.addTo(this.contextItems, input, origin);
  }

  addCandidate(input: NewCandidate, origin: Origin = ORIGIN.user): string {
    return this.addTo(this.candidates, input, origin);
  }

  addParkedItem(input: NewParkedItem, origin: Origin = ORIGIN.user): string {
    return this.addTo(this.parked, input, origin);
  }

  addKeyResult(input: NewKeyResult, origin: Origin = ORIGIN.user): string {
    return this.addTo(this.keyResults, input, origin);
  }

  addInitiative(input: NewInitiative, origin: Origin = ORIGIN.user): string {
    return this.addTo(this.initiatives, input, origin);
  }

  /** Updates one card's fields in its own transaction. */
  update<T extends { id: string; order: number }>(
    collection: RecordCollection<T>,
    id: string,
    patch: Partial<Omit<T, 'id'>>,
    origin: Origin = ORIGIN.user,
  ): void {
    this.transact(() => collection.update(id, patch), origin);
  }

  remove<T extends { id: string; order: number }>(collection: RecordCollection<T>, id: string, origin: Origin = ORIGIN.user): void {
    this.transact(() => collection.remove(id), origin);
  }

  /** Deletes a key result and every initiative's link to it, in one undoable step. */
  removeKeyResult(keyResultId: string): void {
    this.transact(() => {
      this.keyResults.remove(keyResultId);
      this.unlinkKeyResult(keyResultId);
    });
  }

  /**
   * A key result that reads like an action becomes an initiative, in one undoable step; no
   * initiative keeps a link to the key result that is gone.
   */
  moveKeyResultToInitiatives(keyResultId: string): string {
    const kr = this.keyResults.get(keyResultId);
    if (!kr) throw new RecordNotFoundError(keyResultId);
    const id = newRecordId();
    this.transact(() => {
      this.initiatives.insert({
        id,
        title: kr.title,
        ownerName: kr.ownerName,
        ownerEmail: kr.ownerEmail,
        keyResultIds: [],
        order: this.initiatives.nextOrder(),
      });
      this.keyResults.remove(keyResultId);
      this.unlinkKeyResult(keyResultId);
    });
    return id;
  }

  /** Parks a candidate under its own words with a reason; a discarded one stops being discarded. Returns the parked item's id. */
  parkCandidate(candidateId: string, fields: Omit<NewParkedItem, 'id' | 'text' | 'candidateId'>): string {
    const candidate = this.candidates.get(candidateId);
    if (!candidate) throw new RecordNotFoundError(candidateId);
    const id = newRecordId();
    this.transact(() => {
      this.parked.insert({ ...fields, id, text: candidate.text, candidateId, order: this.parked.nextOrder() });
      if (candidate.discarded) this.candidates.update(candidateId, { discarded: undefined });
    });
    return id;
  }

  /** Takes a parked candidate out of the parking lot, back to unsorted or straight to discarded. */
  unpark(parkedItemId: string, { discard }: { discard: boolean }): void {
    const item = this.parked.get(parkedItemId);
    if (!item) throw new RecordNotFoundError(parkedItemId);
    this.transact(() => {
      this.parked.remove(parkedItemId);
      if (item.candidateId) this.candidates.update(item.candidateId, { discarded: discard ? true : undefined });
    });
  }

  /** Throws a candidate away in the Park step (neither parked nor chosen), or takes that back. */
  setDiscarded(candidateId: string, discarded: boolean): void {
    this.transact(() => this.candidates.update(candidateId, { discarded: discarded ? true : undefined }));
  }

  /**
   * Folds `duplicateId` into `keepId` in one step: the kept card takes `text` (by default both texts,
   * or one when they are equal) and keeps the folded card's authors beside its own.
   */
  mergeCandidates(keepId: string, duplicateId: string, text?: string): void {
    const keep = this.candidates.get(keepId);
    const dup = this.candidates.get(duplicateId);
    if (!keep || !dup) throw new Error('Both candidates must still exist to merge them.');
    if (keepId === duplicateId) return;
    const wording = text ?? suggestedMergeText(keep.text, dup.text);
    const authors = mergedAuthorsOf(keep, dup);
    this.transact(() => {
      this.candidates.update(keepId, {
        ...(wording !== keep.text ? { text: wording } : {}),
        ...(authors.length > 0 ? { mergedAuthors: authors } : {}),
      });
      this.candidates.remove(duplicateId);
    });
  }

  /** Puts `candidateId` into the group that `targetId` is in (or starts one); `null` ungroups. */
  groupCandidate(candidateId: string, targetId: string | null): void {
    const target = targetId ? this.candidates.get(targetId) : undefined;
    this.transact(() => {
      if (target && !target.clusterId) this.candidates.update(target.id, { clusterId: target.id, pos: undefined });
      // A place counts from the cluster's corner inside one and from the origin outside: the old one means nothing in the new group.
      this.candidates.update(candidateId, { clusterId: target ? (target.clusterId ?? target.id) : undefined, pos: undefined });
    });
  }

  // Canvas ---------------------------------------------------------------------------------------

  /**
   * A note dropped on the canvas: its place and cluster in one write, so concurrent drops of the
   * same note end in one of the two places on every screen. No cluster: `pos` is absolute.
   */
  placeNote(collection: CanvasCollection, id: string, drop: { pos?: CanvasPos; clusterId?: string }): void {
    this.transact(() => this.canvasCards(collection).update(id, { pos: drop.pos, clusterId: drop.clusterId }));
  }

  /** Rewords a note, whichever kind of card it is (key results and initiatives keep theirs in `title`). */
  setNoteText(collection: CanvasCollection, id: string, text: string): void {
    const field = collection === 'keyResults' || collection === 'initiatives' ? 'title' : 'text';
    this.transact(() => (this[collection] as unknown as RecordCollection<{ id: string; order: number; text?: string; title?: string }>).update(id, { [field]: text }));
  }

  /** A cluster from an export, under its own id so its notes' `clusterId` still name it. */
  importCluster(cluster: Omit<Cluster, 'order'>, origin: Origin = ORIGIN.user): void {
    this.transact(() => this.clusters.insert({ ...cluster, name: cluster.name.trim(), order: this.clusters.nextOrder() }), origin);
  }

  /** A new named cluster on a step's canvas, empty; returns its id. */
  addCluster(step: CanvasStep, name: string, pos: CanvasPos): string {
    const id = newRecordId();
    this.transact(() => this.clusters.insert({ id, step, name: name.trim(), pos, order: this.clusters.nextOrder() }));
    return id;
  }

  renameCluster(id: string, name: string): void {
    this.transact(() => this.clusters.update(id, { name: name.trim() }));
  }

  /** Moves a cluster with all its notes: one write, as their places count from its corner. */
  moveCluster(id: string, pos: CanvasPos): void {
    this.transact(() => this.clusters.update(id, { pos }));
  }

  /**
   * Gives an unnamed group (candidates grouped before the canvas, or with "Group with…") a name
   * and a place: a new cluster record its cards join, laid out inside it. Returns the cluster's id.
   */
  nameGroup(groupId: string, name: string, pos: CanvasPos): string {
    const id = newRecordId();
    this.transact(() => {
      this.clusters.insert({ id, step: 'draft', name: name.trim(), pos, order: this.clusters.nextOrder() });
      for (const card of this.candidates.list()) {
        if (card.clusterId === groupId) this.candidates.update(card.id, { clusterId: id, pos: undefined });
      }
    });
    return id;
  }

  /** Removes a cluster; its notes stay where they are drawn, loose. */
  removeCluster(id: string): void {
    const cluster = this.clusters.get(id);
    if (!cluster) throw new RecordNotFoundError(id);
    this.transact(() => {
      for (const name of ['contextItems', 'candidates', 'keyResults', 'initiatives'] as const) {
        const cards: RecordCollection<{ id: string; order: number; pos?: CanvasPos; clusterId?: string }> = this.canvasCards(name);
        for (const card of cards.list()) {
          if (card.clusterId !== id) continue;
          cards.update(card.id, { clusterId: undefined, pos: card.pos ? { x: cluster.pos.x + card.pos.x, y: cluster.pos.y + card.pos.y } : undefined });
        }
      }
      this.clusters.remove(id);
    });
  }

  private canvasCards(collection: CanvasCollection): RecordCollection<{ id: string; order: number; pos?: CanvasPos; clusterId?: string }> {
    return this[collection] as unknown as RecordCollection<{ id: string; order: number; pos?: CanvasPos; clusterId?: string }>;
  }

  // Votes ----------------------------------------------------------------------------------------

  /**
   * Whether a transaction wrote the board's old ballot or confidence-vote collections. Votes go to
   * the server now (server/src/relay/roomVotes.ts); boards from before keep these maps, which the
   * server lets nobody change.
   */
  touchesLegacyVotes(transaction: Y.Transaction): boolean {
    return [...transaction.changed.keys()].some((type) => type === (this.ballots as unknown) || type === (this.confidence as unknown));
  }

  /** Each key result's kept confidence: the server compares these around a participant's update. */
  keptConfidences(): Map<string, number | undefined> {
    return new Map(this.keyResults.list().map((kr) => [kr.id, kr.confidence]));
  }

  /** Keeps the room's confidence in several key results at once ("Keep all"), as one undoable step. */
  keepConfidence(kept: readonly { keyResultId: string; confidence: number }[]): void {
    this.transact(() => {
      for (const { keyResultId, confidence } of kept) {
        if (this.keyResults.has(keyResultId)) this.keyResults.update(keyResultId, { confidence });
      }
    });
  }

  // Dismissed review findings ------------------------------------------------------------------

  dismissedFindings(): Set<string> {
    return new Set(this.dismissals.keys());
  }

  dismissFinding(key: string, by: string, origin: Origin = ORIGIN.user): void {
    const dismissal = dismissalSchema.parse({ key, by });
    this.transact(() => {
      this.dismissals.set(key, dismissal);
      this.dismissalReads.clear();
    }, origin);
  }

  restoreFinding(key: string): void {
    this.transact(() => {
      this.dismissals.delete(key);
      this.dismissalReads.clear();
    });
  }

  /** Who dismissed each finding, by key (`''` when a dismissal's record is malformed): "dismissed by Ana". */
  dismissedBy(): ReadonlyMap<string, string> {
    return this.dismissalReads.read('', () => {
      const out = new Map<string, string>();
      this.dismissals.forEach((value, key) => {
        const result = dismissalSchema.safeParse(value);
        out.set(key, result.success ? result.data.by : '');
      });
      return out;
    });
  }

  // History --------------------------------------------------------------------------------------

  /**
   * Brings back a stored version (`Y.encodeStateAsUpdate` of a board) as one forward change: the
   * cards, the workshop's details and the dismissed findings become the version's, so the change
   * reaches everyone as a normal update and, with the user origin, is undoable on this device.
   * Ballots and confidence votes stay as they are (each is its voter's, and undo does not track them).
   */
  restoreFrom(versionSnapshot: Uint8Array, origin: Origin = ORIGIN.user): void {
    const versionDoc = docFromUpdates([versionSnapshot]);
    const version = new BoardDoc(versionDoc);
    try {
      this.transact(() => {
        restoreCollection(this.contextItems, version.contextItems);
        restoreCollection(this.candidates, version.candidates);
        restoreCollection(this.parked, version.parked);
        restoreCollection(this.keyResults, version.keyResults);
        restoreCollection(this.initiatives, version.initiatives);
        restoreCollection(this.clusters, version.clusters);
        restoreMap(this.workshopMap, differingFields(this.workshopMap.toJSON(), version.workshopMap.toJSON()));
        restoreMap(this.dismissals, differingFields(this.dismissals.toJSON(), version.dismissals.toJSON()));
        this.workshopReads.clear();
        this.dismissalReads.clear();
      }, origin);
    } finally {
      versionDoc.destroy();
    }
  }

  /** Call inside the transaction that removes the key result. */
  private unlinkKeyResult(keyResultId: string): void {
    for (const initiative of this.initiatives.list()) {
      if (initiative.keyResultIds.includes(keyResultId)) {
        this.initiatives.update(initiative.id, { keyResultIds: initiative.keyResultIds.filter((id) => id !== keyResultId) });
      }
    }
  }

  private addTo<T extends { id: string; order: number }>(
    collection: RecordCollection<T>,
    input: Omit<T, 'id' | 'order'> & { id?: string },
    origin: Origin,
  ): string {
    const id = input.id ?? newRecordId();
    this.transact(() => collection.insert({ ...input, id, order: collection.nextOrder() } as T), origin);
    return id;
  }
}

/** Writes a patch of plain values into a root map; `undefined` deletes the key. */
function restoreMap(map: Y.Map<unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }
}
