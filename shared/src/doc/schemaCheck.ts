import * as Y from 'yjs';
import { z } from 'zod/mini';
import { describeIssues, formatIssuePath } from '../validation/describeIssues.ts';
import type { DocLayout, NestedRecord, RootLayout } from './layout.ts';

/** Where a change left the document outside its layout, and how: `candidates.x1.text: is longer than the limit of 500 characters`. */
export type SchemaProblem = { path: string; message: string };

/**
 * How far a merged `Y.Text` may pass its field's limit. Two people typing into one card at once
 * each stay within it, but their merge need not: refusing the second would cut off an honest
 * writer for good, so the server allows a merge up to this many times the limit (the reader still
 * sees the field as too long) and refuses anything larger.
 */
export const TEXT_MERGE_SLACK = 2;

/** Any shared type, as the document's roots and `transaction.changed` hold them. */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** Record keys and root names come from the sender; quote only so much of them in a message. */
const MAX_QUOTED = 40;

/**
 * Checks what a transaction changed against the document's layout: every root it touched must be
 * one the layout names, and every record, field or entry it touched must still validate. Returns
 * the first problem, or null. Cost follows the transaction, not the document: only touched slots
 * are read. Run it inside the transaction that applied a client's update (`Y.transact`), where
 * `transaction.changed` names each changed type and the key changed under it.
 */
export function checkChanges(doc: Y.Doc, transaction: Y.Transaction, layout: DocLayout): SchemaProblem | null {
  const rootNames = new Map<SharedType, string>();
  for (const [name, type] of doc.share) rootNames.set(type, name);
  const checked = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    for (const slot of slotsOf(type, keys, rootNames)) {
      const id = `${slot.root}\u0000${slot.key ?? ''}`;
      if (checked.has(id)) continue;
      checked.add(id);
      const problem = checkSlot(doc, layout, slot);
      if (problem) return problem;
    }
  }
  return null;
}

type Slot = { root: string; key: string | null };

/** The root keys a change sits under: a changed root names its keys; a nested type names the key of its top ancestor. */
function slotsOf(type: SharedType, keys: Set<string | null>, rootNames: ReadonlyMap<SharedType, string>): Slot[] {
  let top: Y.Item | null = null;
  let current = type;
  while (current._item) {
    top = current._item;
    current = current._item.parent as SharedType;
  }
  const root = rootNames.get(current) ?? '(unnamed)';
  return top ? [{ root, key: top.parentSub }] : [...keys].map((key) => ({ root, key }));
}

function checkSlot(doc: Y.Doc, layout: DocLayout, { root, key }: Slot): SchemaProblem | null {
  const rootLayout: RootLayout | undefined = Object.hasOwn(layout, root) ? layout[root] : undefined;
  if (!rootLayout) return { path: quote(root), message: `unknown top-level content: this document holds only ${Object.keys(layout).join(', ')}` };
  if (key === null) return { path: root, message: 'list content in a map: records go under a key' };
  let map: Y.Map<unknown>;
  try {
    map = doc.getMap(root);
  } catch {
    return { path: root, message: 'a root of another type than a map' };
  }
  const value = map.get(key);
  // Removing a record, field or entry is always allowed.
  if (value === undefined) return null;
  const path = [root, quote(key)];
  switch (rootLayout.kind) {
    case 'records':
      return checkRecord(value, key, rootLayout, path);
    case 'fields':
      return checkField(value, key, rootLayout, path);
    case 'entries':
      return checkEntry(value, key, rootLayout, path);
  }
}

function checkRecord(value: unknown, key: string, layout: Extract<RootLayout, { kind: 'records' }>, path: string[]): SchemaProblem | null {
  if (!(value instanceof Y.Map)) return { path: formatIssuePath(path), message: 'a record is a map of its fields (Y.Map)' };
  const { fields: read, problem } = readNested(value, layout, path);
  if (problem) return problem;
  if (read.id !== undefined && read.id !== key) return { path: formatIssuePath([...path, 'id']), message: 'differs from the key the record is stored under' };
  return validate(layout.schema, { ...read, id: key }, path);
}

function checkField(value: unknown, key: string, layout: Extract<RootLayout, { kind: 'fields' }>, path: string[]): SchemaProblem | null {
  const schema = Object.hasOwn(layout.fields, key) ? layout.fields[key] : undefined;
  if (!schema) return { path: formatIssuePath(path), message: `unknown field: this map holds only ${Object.keys(layout.fields).join(', ')}` };
  const nested = layout.nested && Object.hasOwn(layout.nested, key) ? layout.nested[key] : undefined;
  if (value instanceof Y.Map && nested) {
    const { fields, problem } = readNested(value, nested, path);
    return problem ?? validate(schema, fields, path);
  }
  if (value instanceof Y.AbstractType) return sharedTypeMisplaced(path);
  return validate(schema, value, path);
}

function checkEntry(value: unknown, key: string, layout: Extract<RootLayout, { kind: 'entries' }>, path: string[]): SchemaProblem | null {
  if (value instanceof Y.AbstractType) return sharedTypeMisplaced(path);
  const result = layout.schema.safeParse(value);
  if (!result.success) return firstIssue(result.error, value, path);
  const expected = layout.keyOf(result.data as never);
  if (expected !== key) return { path: formatIssuePath(path), message: `stored under the wrong key: expected ${quote(expected)}` };
  return null;
}

/**
 * A nested map's fields as plain values, its `Y.Text` fields as strings; or the problem. Only the
 * named text fields may be `Y.Text`, every other field is a plain value, nothing hides where a
 * reader does not look (list content in a map, embeds or formatting in a text), and no field is
 * unknown to the schema.
 */
function readNested(map: Y.Map<unknown>, layout: NestedRecord, path: string[]): { fields: Record<string, unknown>; problem?: SchemaProblem } {
  const out: Record<string, unknown> = {};
  const fail = (problem: SchemaProblem) => ({ fields: out, problem });
  if (hasLiveList(map)) return fail({ path: formatIssuePath(path), message: 'list content in a record map' });
  for (const [field, value] of map.entries()) {
    const at = [...path, quote(field)];
    if (!Object.hasOwn(layout.schema.shape, field)) return fail({ path: formatIssuePath(at), message: 'unknown field' });
    if (value instanceof Y.Text) {
      if (!layout.textFields.includes(field)) return fail({ path: formatIssuePath(at), message: 'a shared text (Y.Text) where a plain value belongs' });
      const text = plainText(value);
      if (text === null) return fail({ path: formatIssuePath(at), message: 'a text holds only characters (no embeds, formatting or attributes)' });
      out[field] = withinMergeSlack(text, layout.schema.shape[field] as z.ZodMiniType);
    } else if (value instanceof Y.AbstractType) {
      return fail(sharedTypeMisplaced(at));
    } else {
      out[field] = value;
    }
  }
  return { fields: out };
}

/** The text's characters, or null when it holds anything else a reader of `toString()` would not see. */
function plainText(text: Y.Text): string | null {
  for (const item of text._map.values()) if (!item.deleted) return null;
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && !(item.content instanceof Y.ContentString)) return null;
  }
  return text.toString();
}

function hasLiveList(type: { _start: Y.Item | null }): boolean {
  for (let item = type._start; item; item = item.right) if (!item.deleted) return true;
  return false;
}

/** A merged text within TEXT_MERGE_SLACK of its limit is checked as if it were at the limit. */
function withinMergeSlack(text: string, schema: z.ZodMiniType): string {
  const max = maxLengthOf(schema);
  return max !== null && text.length > max && text.length <= max * TEXT_MERGE_SLACK ? text.slice(0, max) : text;
}

function maxLengthOf(schema: z.ZodMiniType): number | null {
  let inner: z.ZodMiniType = schema;
  while (inner instanceof z.ZodMiniOptional || inner instanceof z.ZodMiniNullable) inner = inner.def.innerType as z.ZodMiniType;
  if (!(inner instanceof z.ZodMiniString)) return null;
  const limit = inner.def.checks?.find((check) => check instanceof z.core.$ZodCheckMaxLength);
  return limit instanceof z.core.$ZodCheckMaxLength ? limit._zod.def.maximum : null;
}

function validate(schema: z.ZodMiniType, value: unknown, path: string[]): SchemaProblem | null {
  const result = schema.safeParse(value);
  return result.success ? null : firstIssue(result.error, value, path);
}

function firstIssue(error: z.core.$ZodError, value: unknown, path: string[]): SchemaProblem {
  const [first] = describeIssues(error.issues, value);
  if (!first) return { path: formatIssuePath(path), message: 'does not validate' };
  return { path: first.path === '(file)' ? formatIssuePath(path) : `${formatIssuePath(path)}.${first.path}`, message: first.message };
}

function sharedTypeMisplaced(path: string[]): SchemaProblem {
  return { path: formatIssuePath(path), message: 'a nested shared type where a plain value belongs' };
}

function quote(name: string): string {
  return name.length > MAX_QUOTED ? `${name.slice(0, MAX_QUOTED)}…` : name;
}
