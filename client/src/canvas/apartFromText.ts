/**
 * An equality for lists of records that ignores the given text fields: the same records in the
 * same order, every other field equal. A step's canvas reads its cards' places, clusters, kinds and
 * authors, never their text (each note reads its own), so a remote text edit leaves the step and
 * the canvas alone. Records keep their identity until edited, so this compares identities and looks
 * into the one record an edit replaced, allocating nothing.
 * Example: `useBoard((b) => b.contextItems.list(), sameApartFrom(['text']))`.
 */
export function sameApartFrom(fields: readonly string[]): <T extends object>(a: readonly T[], b: readonly T[]) => boolean {
  const ignored = new Set(fields);
  const sameRecord = (a: object, b: object): boolean => {
    if (a === b) return true;
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    for (const key in x) if (!ignored.has(key) && !sameValue(x[key], y[key])) return false;
    for (const key in y) if (!ignored.has(key) && !(key in x)) return false;
    return true;
  };
  return (a, b) => {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameRecord(a[i]!, b[i]!)) return false;
    return true;
  };
}

/** Structural equality of JSON values (what a record holds): a place, a list of authors. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!sameValue(x[key], y[key])) return false;
  for (const key in y) if (!(key in x)) return false;
  return true;
}
