import * as Y from 'yjs';
import type { Objective } from '../schema/index.ts';
import { ORIGIN } from './origins.ts';
import { applyTextDiff } from './textFields.ts';

/** THE objective's fields stored as `Y.Text` once the server has upgraded it; the rest are last-writer-wins. */
export const OBJECTIVE_TEXT_FIELDS: readonly ('title' | 'description')[] = ['title', 'description'];

/**
 * Writes THE objective into the control map. Once it is a `Y.Map` (the server upgraded it) fields
 * are written in place, text as a character diff, so two co-facilitators rewording it both keep
 * their words; before that, and to clear it, it stays one plain value (last writer wins, as
 * before): a client never creates the nested map, so two cannot race to (yjs issue 483).
 */
export function writeObjective(control: Y.Map<unknown>, objective: Objective | null): void {
  const stored = control.get('objective');
  if (!(stored instanceof Y.Map) || objective === null) {
    control.set('objective', objective);
    return;
  }
  const fields: Record<string, unknown> = objective;
  for (const key of [...stored.keys()]) if (fields[key] === undefined) stored.delete(key);
  for (const [key, value] of Object.entries(fields)) {
    const current: unknown = stored.get(key);
    if (value === undefined) continue;
    if (current instanceof Y.Text && typeof value === 'string') applyTextDiff(current, value);
    else if (JSON.stringify(current) !== JSON.stringify(value)) stored.set(key, value);
  }
}

/**
 * Converts a control document's plain objective to a `Y.Map` with `Y.Text` title and description;
 * returns whether it did. Like `upgradeTextFields`, for the server alone, once when it loads a room.
 */
export function upgradeObjectiveText(controlDoc: Y.Doc): boolean {
  const control = controlDoc.getMap<unknown>('control');
  const plain = control.get('objective');
  if (plain === null || typeof plain !== 'object' || plain instanceof Y.AbstractType) return false;
  controlDoc.transact(() => {
    const objective = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(plain)) {
      const isText = (OBJECTIVE_TEXT_FIELDS as readonly string[]).includes(key) && typeof value === 'string';
      objective.set(key, isText ? new Y.Text(value) : value);
    }
    control.set('objective', objective);
  }, ORIGIN.upgrade);
  return true;
}
