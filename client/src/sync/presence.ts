import type { Awareness } from 'y-protocols/awareness';
import { presenceSchema, type PresenceState } from '@okr/shared/schema';

export type Presence = PresenceState & { clientId: number };

/**
 * Parsed presence by state object: y-protocols replaces a client's state object on every update, so
 * each state is validated once, not once per message from anyone (30 cursors at 20 a second made
 * that 18,000 parses a second, BENCHMARKS.md).
 */
const parsedStates = new WeakMap<object, PresenceState | null>();

/** One awareness state, validated (null when it is not a valid presence). */
export function parsePresence(state: unknown): PresenceState | null {
  if (typeof state !== 'object' || state === null) return null;
  let parsed = parsedStates.get(state);
  if (parsed === undefined) {
    const result = presenceSchema.safeParse(state);
    parsed = result.success ? result.data : null;
    parsedStates.set(state, parsed);
  }
  return parsed;
}

/** Valid presence states, one per person (their newest device wins), sorted by name. */
export function readPresence(awareness: Awareness): readonly Presence[] {
  const byUser = new Map<string, Presence>();
  awareness.getStates().forEach((state, clientId) => {
    const parsed = parsePresence(state);
    if (!parsed) return;
    const existing = byUser.get(parsed.user.id);
    if (!existing || clientId === awareness.clientID) byUser.set(parsed.user.id, { ...parsed, clientId });
  });
  return [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name));
}

/** Merges `patch` into this device's presence. */
export function updatePresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>;
  awareness.setLocalState({ ...current, ...patch });
}

/**
 * Whether two presence lists differ only in where pointers are (cursor, a note being dragged, a
 * canvas view): those change 20 times a second per person and only the canvas draws them, so the
 * people list, writing status and ready counts need not re-render for them.
 */
export function samePeopleApartFromPointers(a: readonly Presence[], b: readonly Presence[]): boolean {
  return a.length === b.length && a.every((p, i) => stablePart(p) === stablePart(b[i]!));
}

function stablePart({ cursor: _cursor, dragging: _dragging, view: _view, ...rest }: Presence): string {
  return JSON.stringify(rest);
}
