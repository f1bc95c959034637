import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

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
