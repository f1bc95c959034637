import { roleForKeyRow } from '../../access.ts';
import { isWellFormedSecret } from '../../store/keys.ts';
import type { PgCatalog } from '../../store/postgres/pgCatalog.ts';
import { credentialOf, credentialOpens } from './linkCredential.ts';
import type { SharedLinkWatch } from './sharedLinkWatch.ts';
import type { SharedTickets } from './sharedTickets.ts';
import { parseSyncPath, revoked, type Refusal, type Target } from '../resolveTarget.ts';

/**
 * resolveTarget's rules for shared mode, against the rooms in PostgreSQL: `/sync/<roomId>` with a
 * ticket (from any instance), a facilitator or participant `?key=`, or none (open participant
 * link), and `/view/<viewerKey>`. Each admitted connection's `stillValid` asks `links`, which
 * learns of rotations made on any instance.
 */
export async function admitShared(url: URL, catalog: PgCatalog, tickets: SharedTickets, links: SharedLinkWatch): Promise<Target | Refusal> {
  const path = parseSyncPath(url);
  if ('error' in path) return path;
  const { kind, id, docName } = path;
  if (kind === 'view') {
    const roomId = await catalog.roomIdForViewerKey(id);
    if (roomId) return { roomId, docName, role: 'viewer', stillValid: links.stillValid(roomId, credentialOf('viewer', id)) };
    return (await catalog.roomOfRevokedKey(id)) ? revoked() : { status: 404, error: 'unknown viewer link' };
  }
  const ticket = url.searchParams.get('ticket');
  if (ticket !== null) {
    const grant = isWellFormedSecret(ticket) ? await tickets.redeem(ticket) : undefined;
    if (!grant || grant.roomId !== id) return { status: 403, error: 'ticket unknown, used or expired: ask POST /api/tickets for a new one' };
    // The key may have been rotated away between the exchange and now, on any instance.
    const credential = { role: grant.role, keyHash: grant.keyHash };
    if (!credentialOpens(await catalog.keyRow(id), credential)) return revoked();
    return { roomId: id, docName, role: grant.role, stillValid: links.stillValid(id, credential), seatSecret: grant.seatSecret };
  }
  const row = await catalog.keyRow(id);
  if (!row) return { status: 404, error: 'no such room: create rooms with POST /api/rooms' };
  const key = url.searchParams.get('key');
  if (key === null) return row.participantHash === null ? { roomId: id, docName, role: 'participant', stillValid: links.stillValid(id, credentialOf('participant', null)) } : revoked();
  const role = roleForKeyRow(row, key);
  if (role) return { roomId: id, docName, role, stillValid: links.stillValid(id, credentialOf(role, key)) };
  if (isWellFormedSecret(key) && (await catalog.roomOfRevokedKey(key)) === id) return revoked();
  return { status: 403, error: 'wrong facilitator key' };
}

/** grantForKey's rules for shared mode: which room and role a key opens, for POST /api/tickets. */
export async function sharedGrantForKey(catalog: PgCatalog, key: string | undefined, roomId: string | undefined): Promise<Omit<Target, 'docName' | 'stillValid'> | Refusal> {
  if (key === undefined) {
    // No key: an open participant link (never rotated).
    const row = roomId !== undefined && isWellFormedSecret(roomId) ? await catalog.keyRow(roomId) : undefined;
    if (!row || roomId === undefined) return { status: 404, error: 'No board at this link.' };
    return row.participantHash === null ? { roomId, role: 'participant' } : revoked();
  }
  if (roomId === undefined) {
    const viewerRoom = await catalog.roomIdForViewerKey(key);
    if (viewerRoom) return { roomId: viewerRoom, role: 'viewer' };
    return (await catalog.roomOfRevokedKey(key)) ? revoked() : { status: 404, error: 'No board at this link.' };
  }
  const row = isWellFormedSecret(roomId) ? await catalog.keyRow(roomId) : undefined;
  if (!row) return { status: 404, error: 'No board at this link.' };
  const role = roleForKeyRow(row, key);
  if (role) return { roomId, role };
  return (await catalog.roomOfRevokedKey(key)) === roomId ? revoked() : { status: 403, error: 'wrong facilitator key' };
}
