import * as Y from 'yjs';
import type { z } from 'zod/mini';
import { overwrittenFields, type OverwrittenField } from './overwrites.ts';
import { applyTextDiff, textFieldsOf } from './textFields.ts';

type WithIdAndOrder = { id: string; order: number };

/**
 * A keyed set of records in one root `Y.Map`: one nested `Y.Map` per record, so two people editing
 * different fields of the same card both keep their change. Reads validate each record and skip
 * what does not parse (a modified client cannot crash everyone's board).
 *
 * Parsed records are cached one by one and re-read only when a change names them, so an edit to
 * one card of hundreds re-validates that card alone and every other record keeps its identity
 * (React skips re-rendering it). The sorted list is cached; a change that moves no record's place
 * in it (a text edit, a drop) swaps the changed records in without sorting again.
 *
 * Text fields (see `TEXT_FIELDS`) are `Y.Text`, written as a character diff so concurrent edits of
 * one card merge; reads still give plain strings.
 */
export class RecordCollection<T extends WithIdAndOrder> {
  readonly root: Y.Map<Y.Map<unknown>>;
  private readonly parsed = new Map<string, T>();
  private readonly stale = new Set<string>();
  private sorted: readonly T[] | null = null;
  private readonly textFields: ReadonlySet<string>;
  private readonly overwriteListeners = new Set<(recordId: string, field: OverwrittenField) => void>();
  private readonly recordListeners = new Map<string, Set<() => void>>();
  /** Records with listeners that the transaction under way changed, told when it ends. */
  private readonly changedWatched = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    readonly name: string,
    private readonly schema: z.ZodMiniType<T>,
  ) {
    this.root = doc.getMap(name);
    this.textFields = new Set(textFieldsOf(name));
    for (const id of this.root.keys()) this.stale.add(id);
    this.root.observeDeep((events, transaction) => {
      for (const event of events) {
        if (event.target === this.root) for (const id of event.changes.keys.keys()) this.markStale(id);
        else if (typeof event.path[0] === 'string') this.markStale(event.path[0]);
        if (event instanceof Y.YMapEvent && event.path.length === 1) this.reportOverwrites(event, transaction);
      }
    });
    doc.on('afterTransaction', () => this.tellChangedRecords());
  }

  /**
   * Calls `listener` after each transaction that added, changed or removed the record `id`, local
   * or remote, and after no other; returns the unsubscribe. A canvas note reads its own card this
   * way, so a remote edit of one card of hundreds wakes one note, not every reader of the list.
   */
  observeRecord(id: string, listener: () => void): () => void {
    let listeners = this.recordListeners.get(id);
    if (!listeners) this.recordListeners.set(id, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.recordListeners.get(id) === listeners) this.recordListeners.delete(id);
    };
  }

  /**
   * Calls `listener` when someone else's change replaces a field value this device wrote without
   * having seen it (a lost last-writer-wins conflict); returns the unsubscribe.
   */
  onOverwritten(listener: (recordId: string, field: OverwrittenField) => void): () => void {
    this.overwriteListeners.add(listener);
    return () => this.overwriteListeners.delete(listener);
  }

  /** Every valid record, sorted by `order` then id so all clients agree. */
  list(): readonly T[] {
    this.refresh();
    if (this.sorted) return this.sorted;
    const out = [...this.parsed.values()];
    out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.sorted = out;
    return out;
  }

  get(id: string): T | undefined {
    this.refresh();
    return this.parsed.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The order key that puts a new record after every existing one. */
  nextOrder(): number {
    const last = this.list().at(-1);
    return last ? Math.floor(last.order) + 1 : 1;
  }

  /** Writes a full record; call inside a transaction. */
  insert(record: T): void {
    const parsed = this.schema.parse(record);
    const entry = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(parsed)) {
      if (value === undefined) continue;
      // A new record's map is this client's alone, so creating nested text here cannot race (yjs issue 483).
      entry.set(key, this.textFields.has(key) && typeof value === 'string' ? new Y.Text(value) : value);
    }
    this.root.set(parsed.id, entry);
    // observeDeep fires only when the transaction ends; several inserts in one need fresh order keys.
    this.markStale(parsed.id);
  }

  /** Changes only the given fields; `undefined` clears a field. Throws when the result is invalid. */
  update(id: string, patch: Partial<Omit<T, 'id'>>): void {
    const entry = this.root.get(id);
    const current = this.get(id);
    if (!entry || !current) throw new RecordNotFoundError(id);
    const next = this.schema.parse({ ...current, ...patch });
    for (const key of Object.keys(patch)) {
      const value = (next as Record<string, unknown>)[key];
      const stored = entry.get(key);
      // A legacy plain string stays a plain write until the server upgrades the room.
      if (stored instanceof Y.Text && typeof value === 'string') applyTextDiff(stored, value);
      else if (value === undefined) entry.delete(key);
      else if (!sameJson(stored, value)) entry.set(key, value);
    }
    this.markStale(id);
  }

  remove(id: string): void {
    this.root.delete(id);
    this.markStale(id);
  }

  private reportOverwrites(event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void {
    const recordId = event.path[0];
    if (this.overwriteListeners.size === 0 || typeof recordId !== 'string') return;
    for (const field of overwrittenFields(event, transaction)) {
      for (const listener of this.overwriteListeners) listener(recordId, field);
    }
  }

  private markStale(id: string): void {
    this.stale.add(id);
    if (this.recordListeners.has(id)) this.changedWatched.add(id);
  }

  private tellChangedRecords(): void {
    if (this.changedWatched.size === 0) return;
    const ids = [...this.changedWatched];
    this.changedWatched.clear();
    for (const id of ids) this.recordListeners.get(id)?.forEach((listener) => listener());
  }

  /** Re-reads the records changes have named since the last read. */
  private refresh(): void {
    if (this.stale.size === 0) return;
    // Records that were listed before and after with the same `order` keep their place.
    const swapped = this.sorted ? new Map<T, T>() : null;
    let keepsPlaces = swapped !== null;
    for (const id of this.stale) {
      const before = this.parsed.get(id);
      const entry = this.root.get(id);
      const record = entry ? this.read(id, entry) : undefined;
      if (record) this.parsed.set(id, record);
      else this.parsed.delete(id);
      if (!before || !record || before.order !== record.order) keepsPlaces = false;
      else swapped?.set(before, record);
    }
    this.stale.clear();
    this.sorted = keepsPlaces && this.sorted && swapped ? this.sorted.map((record) => swapped.get(record) ?? record) : null;
  }

  private read(id: string, entry: Y.Map<unknown>): T | undefined {
    if (!(entry instanceof Y.Map)) return undefined;
    const result = this.schema.safeParse({ ...entry.toJSON(), id });
    return result.success ? result.data : undefined;
  }
}

export class RecordNotFoundError extends Error {
  constructor(id: string) {
    super(`No card with id "${id}": it may have been deleted by someone else.`);
    this.name = 'RecordNotFoundError';
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
