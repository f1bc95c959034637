import type { RecordCollection } from './recordCollection.ts';

type WithIdAndOrder = { id: string; order: number };

/**
 * Makes `current` hold exactly the records of `version`, through the collection's own writes:
 * records the version lacks are removed, missing ones inserted, and ones that differ patched field
 * by field (a field the version lacks is cleared). Call inside the transaction of the restore.
 */
export function restoreCollection<T extends WithIdAndOrder>(current: RecordCollection<T>, version: RecordCollection<T>): void {
  const wanted = new Map(version.list().map((record) => [record.id, record]));
  for (const id of current.root.keys()) {
    if (!wanted.has(id)) current.remove(id);
  }
  for (const [id, record] of wanted) {
    const now = current.get(id);
    if (!now) {
      current.insert(record);
      continue;
    }
    const patch = differingFields(now, record);
    if (Object.keys(patch).length > 0) current.update(id, patch as Partial<Omit<T, 'id'>>);
  }
}

/** The fields of `target` that differ from `now`, with `undefined` for those `target` lacks. */
export function differingFields(now: object, target: object): Record<string, unknown> {
  const a = now as Record<string, unknown>;
  const b = target as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'id') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) patch[key] = b[key];
  }
  return patch;
}
