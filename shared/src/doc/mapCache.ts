import type * as Y from 'yjs';

/**
 * Reads computed from one root map, kept until the map changes, so a caller reading twice gets the
 * same object back (React can compare by identity) the way RecordCollection keeps its records.
 * Writes through BoardDoc clear it at once, so a read later in the same transaction is fresh.
 */
export class MapCache {
  private readonly values = new Map<string, unknown>();

  constructor(map: Y.Map<unknown>) {
    map.observe(() => this.clear());
  }

  read<T>(key: string, compute: () => T): T {
    if (!this.values.has(key)) this.values.set(key, compute());
    return this.values.get(key) as T;
  }

  clear(): void {
    this.values.clear();
  }
}
