import type { Awareness } from 'y-protocols/awareness';
import { presenceSchema, type PresenceState } from '@okr/shared/schema';

/** One person in the room: their seat (the server's stamp), the device shown, and whether it is this one. */
export type Presence = PresenceState & { clientId: number; seatId: string; isMe: boolean };

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
    const parsed = presenceSchema.safeParse(state);
    if (!parsed.success) continue;
    const isMe = clientId === ownClientId;
    const seatId = isMe ? (mySeatId ?? parsed.data.seatId ?? `device:${clientId}`) : parsed.data.seatId;
    if (seatId === undefined) continue;
    const existing = bySeat.get(seatId);
    if (existing && (existing.presence.isMe || (!isMe && existing.updatedAt >= updatedAt))) continue;
    bySeat.set(seatId, { presence: { ...parsed.data, clientId, seatId, isMe }, updatedAt });
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

function stablePart({ cursor: _cursor, dragging: _dragging, view: _view, ...rest }: Presence): string {
  return JSON.stringify(rest);
}
