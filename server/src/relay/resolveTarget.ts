import { isOpenParticipantLink, roleForRoomKey, roomIdForViewerKey, wasRevoked } from '../access.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import type { ConnectionInfo } from './connection.ts';
import { REQUEST_PROTOCOL } from '@okr/shared/protocol';
import type { TicketBook } from './tickets.ts';

export type Refusal = { status: number; error: string };
/** An admitted link: the connection's identity but for the address it comes from. */
export type Target = Omit<ConnectionInfo, 'address'>;

/** What an old link's holder is told, on the socket and by the API. */
export const REVOKED_MESSAGE = 'this link no longer opens this board: ask the facilitator for the current one';

/** A refusal for a key that was rotated away (410) rather than never valid. */
export function revoked(): Refusal {
  return { status: 410, error: REVOKED_MESSAGE };
}

/**
 * Who is asking for which document, from the path: `/sync/<roomId>[/control]` (with `?ticket=`
 * from POST /api/tickets, or `?key=` a facilitator or participant key, or nothing while the
 * participant link was never rotated) or `/view/<viewerKey>[/control]`. Every admitted connection
 * carries a `stillValid` check the relay repeats after a rotation.
 *
 * Two more parameters say how the connection talks: `proto=` REQUEST_PROTOCOL announces the room
 * request channel, and `seat=<secret>` claims a seat for a stock client (the app's client puts its
 * seat secret in the ticket request instead, so it never sits in a URL).
 */
export function resolveTarget(url: URL, store: RoomStore, tickets?: TicketBook): Target | Refusal {
  return withConnectionParams(url, resolveLink(url, store, tickets));
}

/** The query parameters a websocket URL may carry, each once. */
const CONNECTION_PARAMS = ['key', 'ticket', 'seat', 'proto'];

/**
 * A websocket URL's query, checked before anything is looked up (so no ticket is spent on it): an
 * unknown or repeated parameter, a `proto=` this server does not speak, or a ticket and a key at
 * once are refused with 400 naming the problem, never ignored. Both modes use it.
 */
export function connectionParamsProblem(url: URL): Refusal | undefined {
  const seen = new Set<string>();
  for (const [name, value] of url.searchParams) {
    if (!CONNECTION_PARAMS.includes(name)) return { status: 400, error: `unknown query parameter "${name.slice(0, 40)}": a sync URL takes only ${CONNECTION_PARAMS.join(', ')}` };
    if (seen.has(name)) return { status: 400, error: `query parameter "${name}" given more than once` };
    seen.add(name);
    if (name === 'proto' && value !== REQUEST_PROTOCOL) return { status: 400, error: `unknown proto "${value.slice(0, 40)}": this server speaks ${REQUEST_PROTOCOL}` };
  }
  if (seen.has('ticket') && seen.has('key')) return { status: 400, error: 'give a ticket or a key, not both' };
  return undefined;
}

/** Adds how the connection talks (`proto=`, `seat=`) to an admitted link; both modes use it. */
export function withConnectionParams(url: URL, target: Target | Refusal): Target | Refusal {
  if ('error' in target) return target;
  const seat = url.searchParams.get('seat');
  if (seat !== null && !isWellFormedSecret(seat)) return { status: 400, error: 'malformed seat secret: 22 to 64 letters, digits, _ or -' };
  return { ...target, seatSecret: target.seatSecret ?? seat ?? undefined, speaksRequests: url.searchParams.get('proto') === REQUEST_PROTOCOL };
}

function resolveLink(url: URL, store: RoomStore, tickets?: TicketBook): Target | Refusal {
  const path = parseSyncPath(url);
  if ('error' in path) return path;
  const { kind, id, docName } = path;
  if (kind === 'view') {
    const roomId = roomIdForViewerKey(store, id);
    if (roomId) return { roomId, docName, role: 'viewer', stillValid: () => roomIdForViewerKey(store, id) === roomId };
    return wasRevoked(store, id) ? revoked() : { status: 404, error: 'unknown viewer link' };
  }
  if (!store.getRoom(id)) return { status: 404, error: 'no such room: create rooms with POST /api/rooms' };
  const ticket = url.searchParams.get('ticket');
  if (ticket !== null) {
    const grant = tickets?.redeem(ticket);
    if (!grant || grant.roomId !== id) return { status: 403, error: 'ticket unknown, used or expired: ask POST /api/tickets for a new one' };
    return { roomId: id, docName, role: grant.role, stillValid: grant.stillValid, seatSecret: grant.seatSecret };
  }
  const key = url.searchParams.get('key');
  if (key === null) {
    if (!isOpenParticipantLink(store, id)) return revoked();
    return { roomId: id, docName, role: 'participant', stillValid: () => isOpenParticipantLink(store, id) };
  }
  return admitKey(store, id, docName, key);
}

/** `/sync/<roomId>[/control]` or `/view/<viewerKey>[/control]`, with a well-formed id or key. */
export function parseSyncPath(url: URL): { kind: 'sync' | 'view'; id: string; docName: DocName } | Refusal {
  const match = /^\/(sync|view)\/([^/]+)(\/control)?\/?$/.exec(url.pathname);
  if (!match) return { status: 404, error: 'not a sync path: use /sync/<roomId> or /view/<viewerKey>' };
  const [, kind, id, control] = match;
  if (!isWellFormedSecret(id)) return { status: 400, error: 'malformed room id or key' };
  return { kind: kind as 'sync' | 'view', id, docName: control ? 'control' : 'board' };
}

function admitKey(store: RoomStore, roomId: string, docName: DocName, key: string): Target | Refusal {
  const role = roleForRoomKey(store, roomId, key);
  if (role) return { roomId, docName, role, stillValid: () => roleForRoomKey(store, roomId, key) === role };
  if (wasRevoked(store, key, roomId)) return revoked();
  return { status: 403, error: 'wrong facilitator key' };
}

/**
 * The holder of a key a ticket is asked for: a room's facilitator or participant key, or a viewer
 * key (no room needed). No key at all is the open participant link `/r/<roomId>`, while it was
 * never rotated: its ticket carries only a seat secret.
 */
export function grantForKey(store: RoomStore, key: string | undefined, roomId: string | undefined): Target | Refusal {
  if (key === undefined) {
    if (roomId === undefined || !isWellFormedSecret(roomId) || !store.getRoom(roomId)) return { status: 404, error: 'No board at this link.' };
    if (!isOpenParticipantLink(store, roomId)) return revoked();
    return { roomId, docName: 'board', role: 'participant', stillValid: () => isOpenParticipantLink(store, roomId) };
  }
  if (roomId === undefined) {
    const viewerRoom = roomIdForViewerKey(store, key);
    if (viewerRoom) return { roomId: viewerRoom, docName: 'board', role: 'viewer', stillValid: () => roomIdForViewerKey(store, key) === viewerRoom };
    return wasRevoked(store, key) ? revoked() : { status: 404, error: 'No board at this link.' };
  }
  if (!isWellFormedSecret(roomId) || !store.getRoom(roomId)) return { status: 404, error: 'No board at this link.' };
  return admitKey(store, roomId, 'board', key);
}
