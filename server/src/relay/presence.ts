import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';

/** One entry of an awareness update: a client's presence state (null: it left) and its clock. */
export type PresenceEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

export class MalformedPresenceError extends Error {
  override name = 'MalformedPresenceError';
}

export class PresenceTooBigError extends Error {
  override name = 'PresenceTooBigError';
}

/** A decoded entry and the size of its state's JSON as sent. */
export type SizedPresenceEntry = PresenceEntry & { bytes: number };

/**
 * Throws PresenceTooBigError when one state's JSON is larger than `maxBytes`: presence is a name
 * and a cursor, not storage. Returns each presence id's state size (the last entry's for an id
 * given twice), which the room charges to the sender's presence budget.
 */
export function checkPresenceSize(entries: readonly SizedPresenceEntry[], maxBytes: number): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const { clientId, bytes } of entries) {
    if (bytes > maxBytes) throw new PresenceTooBigError(`presence state of ${bytes} bytes; at most ${maxBytes}`);
    sizes.set(clientId, bytes);
  }
  return sizes;
}

/**
 * Decodes an awareness update completely before anything is applied, so a bad entry cannot leave
 * half of an update applied: every state must be JSON, and an object or null (what
 * `awareness.setLocalState` produces). y-protocols would `JSON.parse` entry by entry while applying.
 */
export function decodePresence(update: Uint8Array): SizedPresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: SizedPresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    let state: unknown;
    let bytes: number;
    try {
      // The string as sent, measured once: the size check needs no second JSON.stringify.
      bytes = decoding.peekVarUint(decoder);
      state = JSON.parse(decoding.readVarString(decoder));
    } catch {
      throw new MalformedPresenceError('presence state is not JSON');
    }
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new MalformedPresenceError('presence state is not an object');
    entries.push({ clientId, clock, state: state as PresenceEntry['state'], bytes });
  }
  if (decoding.hasContent(decoder)) throw new MalformedPresenceError('trailing bytes after presence entries');
  return entries;
}

/** The awareness update format of y-protocols, for entries that passed the room's checks. */
export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Who a connection is, as its presence must say: its seat, the seat's name (empty until named) and the connection's role. */
export type PresenceSeat = { id: string; name: string; role: string };

/**
 * The state a connection may show: `seatId` is its seat, `user.role` its connection's role (a
 * participant cannot appear as the facilitator) and `user.name` its seat's name once the seat has
 * one (the facilitator's rename shows). Other fields are the client's own.
 */
export function stampPresence(state: PresenceEntry['state'], seat: PresenceSeat): PresenceEntry['state'] {
  if (state === null) return null;
  const stamped: Record<string, unknown> = { ...state, seatId: seat.id };
  const user = state.user;
  if (user !== null && typeof user === 'object' && !Array.isArray(user)) {
    stamped.user = { ...user, role: seat.role, ...(seat.name ? { name: seat.name } : {}) };
  }
  return stamped;
}

/**
 * Writes entries the room decoded and checked into `awareness`, by y-protocols' own rule
 * (`applyAwarenessUpdate`: a newer clock replaces a state, a null at the same clock clears a shown
 * one) and with its 'change' and 'update' events, without encoding them first for y-protocols to
 * parse again: a profile of scenario 1 had presence at 13 % of the server's busy time, each state
 * parsed twice and serialised twice. The server's own awareness never holds a local state, so
 * y-protocols' one exception (a peer may not clear the local state) cannot arise.
 */
export function showPresence(awareness: Awareness, entries: readonly PresenceEntry[], origin: unknown): void {
  const now = Date.now();
  // 'change' (a state that differs from the one it replaces) costs a deep comparison per state; it
  // is worked out only when someone listens. The relay listens to 'update' alone (1.4 % of scenario 1's busy samples).
  const wantsChange = (awareness._observers.get('change')?.size ?? 0) > 0;
  const added: number[] = [];
  const updated: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const { clientId, clock, state } of entries) {
    const meta = awareness.meta.get(clientId);
    const known = meta?.clock ?? 0;
    if (!(known < clock || (known === clock && state === null && awareness.states.has(clientId)))) continue;
    const previous = awareness.states.get(clientId);
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state);
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (wantsChange && !equalityDeep(state, previous)) changed.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) awareness.emit('change', [{ added, updated: changed, removed }, origin]);
  if (added.length > 0 || updated.length > 0 || removed.length > 0) awareness.emit('update', [{ added, updated, removed }, origin]);
}
