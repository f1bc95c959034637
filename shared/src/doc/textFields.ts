import * as Y from 'yjs';
import type FastDiff from 'fast-diff';
import { simpleDiffString } from 'lib0/diff';
import type { Candidate, ContextItem, Initiative, KeyResult, ParkedItem } from '../schema/index.ts';
import { ORIGIN } from './origins.ts';

type StringKeys<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T];

/**
 * The fields of each collection stored as `Y.Text`, so two people's edits of different parts of a
 * card both survive; every other field is last-writer-wins.
 */
export const TEXT_FIELDS = {
  contextItems: ['text'],
  candidates: ['text'],
  parked: ['text'],
  keyResults: ['title'],
  initiatives: ['title'],
} as const satisfies {
  contextItems: readonly StringKeys<ContextItem>[];
  candidates: readonly StringKeys<Candidate>[];
  parked: readonly StringKeys<ParkedItem>[];
  keyResults: readonly StringKeys<KeyResult>[];
  initiatives: readonly StringKeys<Initiative>[];
};

/** The text fields of the collection stored under the root map `name` (none for an unknown name). */
export function textFieldsOf(name: string): readonly string[] {
  return Object.hasOwn(TEXT_FIELDS, name) ? TEXT_FIELDS[name as keyof typeof TEXT_FIELDS] : [];
}

let fastDiff: typeof FastDiff | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads fast-diff (3 KB gzipped), which `applyTextDiff` needs for the fewest inserts and deletes.
 * A browser loads it once its board is up, outside the first load (issue 11); the server never
 * writes text, and tests load it first. Example: `await loadTextDiff()`.
 */
export function loadTextDiff(): Promise<void> {
  return (loading ??= import('fast-diff').then(
    (module) => {
      fastDiff = module.default;
    },
    (error: unknown) => {
      // A dropped network: the next call tries again.
      loading = undefined;
      throw error;
    },
  ));
}

/**
 * Turns `text` into `next` with the fewest inserts and deletes, so a concurrent edit of another part
 * of the text is kept: `"Reach 60%"` → `"Reach 65%"` deletes one character and inserts one.
 * Until `loadTextDiff` has finished (a second or so after a board is up on a slow link, before
 * anyone has typed) it replaces the span between the common start and end: the same result for an
 * edit in one place; for edits in two places, a concurrent edit between them would be replaced.
 */
export function applyTextDiff(text: Y.Text, next: string): void {
  if (!fastDiff) {
    const { index, remove, insert } = simpleDiffString(text.toString(), next);
    if (remove > 0) text.delete(index, remove);
    if (insert) text.insert(index, insert);
    return;
  }
  let index = 0;
  for (const [op, chunk] of fastDiff(text.toString(), next)) {
    if (op === fastDiff.DELETE) {
      text.delete(index, chunk.length);
    } else {
      if (op === fastDiff.INSERT) text.insert(index, chunk);
      index += chunk.length;
    }
  }
}

/**
 * Converts a board's legacy plain-string text fields to `Y.Text`, in one transaction; returns how
 * many it converted. Run it in exactly one place, the server when it loads a room: two clients
 * creating a nested type under the same key would lose one's content (yjs issue 483).
 */
export function upgradeTextFields(ydoc: Y.Doc): number {
  const legacy: { entry: Y.Map<unknown>; field: string; value: string }[] = [];
  for (const [name, fields] of Object.entries(TEXT_FIELDS)) {
    ydoc.getMap<unknown>(name).forEach((entry) => {
      if (!(entry instanceof Y.Map)) return;
      for (const field of fields) {
        const value: unknown = entry.get(field);
        if (typeof value === 'string') legacy.push({ entry: entry as Y.Map<unknown>, field, value });
      }
    });
  }
  // No transaction at all when there is nothing to convert: the server's first transaction on a
  // shared-mode document is what makes it copy the committed state (server/src/relay/relayDoc.ts).
  if (legacy.length === 0) return 0;
  ydoc.transact(() => {
    for (const { entry, field, value } of legacy) entry.set(field, new Y.Text(value));
  }, ORIGIN.upgrade);
  return legacy.length;
}
