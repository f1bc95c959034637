import * as Y from 'yjs';

/**
 * Whether `update` would change `doc`: structs it lacks, or deletions it has not made. An
 * up-to-date client's sync step 2 carries its whole delete set, so "has a delete set" is not news.
 * `bringsNews(doc, Y.encodeStateAsUpdate(doc))` is false.
 */
export function bringsNews(doc: Y.Doc, update: Uint8Array): boolean {
  if (Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))).structs.length > 0) return true;
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const known = Y.createDeleteSetFromStructStore(doc.store).clients;
  for (const [client, deletions] of ds.clients) {
    const ranges = known.get(client) ?? [];
    const covered = (clock: number, len: number) => ranges.some((r) => r.clock <= clock && clock + len <= r.clock + r.len);
    if (deletions.some((d) => !covered(d.clock, d.len))) return true;
  }
  return false;
}
