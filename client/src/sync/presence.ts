import type { Awareness } from 'y-protocols/awareness';
import { presenceSchema, type PresenceState } from '@okr/shared/schema';

/** One person in the room: their seat (the server's stamp), the device shown, and whether it is this one. */
export type Presence = PresenceState & { clientId: number; seatId: string; isMe: boolean };

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

/** One awareness entry as `onePerSeat` reads it: `updatedAt` is when this device last heard it. */
export type PresenceEntry = { clientId: number; state: unknown; updatedAt: number };

/** Valid presence states, one per seat, sorted by name (see onePerSeat). `mySeatId` is this device's seat once the server said it. */
export function readPresence(awareness: Awareness, mySeatId?: string): readonly Presence[] {
  const entries: PresenceEntry[] = [];
  awareness.getStates().forEach((state, clientId) => entries.push({ clientId, state, updatedAt: awareness.meta.get(clientId)?.lastUpdated ?? 0 }));
  return onePerSeat(entries, awareness.clientID, mySeatId);
}

/**
 * People keyed by the seat the server stamped on each state, never by the `user.id` a client
 * claims: a modified client cannot show itself as someone else's device (and mark them ready), and
 * one seat with several devices or presence ids is one person. This device's own state carries no
 * stamp (the server does not echo it) and counts as `mySeatId`'s; a remote state without one did
 * not come through the room and is ignored. Of a seat's devices, this one wins, then the most
 * recently heard. Sorted by name.
 * @example onePerSeat([{ clientId: 2, state: { seatId: 's1', user: … }, updatedAt: 5 }], 1) // → [{ seatId: 's1', clientId: 2, isMe: false, … }]
 */
export function onePerSeat(entries: readonly PresenceEntry[], ownClientId: number, mySeatId?: string): readonly Presence[] {
  const bySeat = new Map<string, { presence: Presence; updatedAt: number }>();
  for (const { clientId, state, updatedAt } of entries) {
    const parsed = parsePresence(state);
    if (!parsed) continue;
    const isMe = clientId === ownClientId;
    const seatId = isMe ? (mySeatId ?? parsed.seatId ?? `device:${clientId}`) : parsed.seatId;
    if (seatId === undefined) continue;
    const existing = bySeat.get(seatId);
    if (existing && (existing.presence.isMe || (!isMe && existing.updatedAt >= updatedAt))) continue;
    bySeat.set(seatId, { presence: { ...parsed, clientId, seatId, isMe }, updatedAt });
  }
  return [...bySeat.values()].map((e) => e.presence).sort((a, b) => a.user.name.localeCompare(b.user.name));
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

function stablePart(presence: Presence): string {
  return JSON.stringify(withoutPointers(presence));
}

/** A presence without its pointers (cursor, a dragged note, the canvas view): what the people list shows. */
export function withoutPointers<T extends PresenceState>({ cursor: _cursor, dragging: _dragging, view: _view, ...rest }: T): Omit<T, 'cursor' | 'dragging' | 'view'> {
  return rest;
}
