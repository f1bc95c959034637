import { roleForKeyRow } from '../../access.ts';
import { isWellFormedSecret } from '../../store/keys.ts';
import type { PgCatalog } from '../../store/postgres/pgCatalog.ts';
import { parseSyncPath, revoked, type Refusal, type Target } from '../resolveTarget.ts';

/** Links cannot be rotated in shared mode yet (the rotation API answers 501), so an admitted link stays valid. */
const STAYS_VALID = () => true;

/**
 * resolveTarget's rules for shared mode, against the rooms in PostgreSQL: `/sync/<roomId>` with a
 * facilitator or participant `?key=` or none (open participant link), `/view/<viewerKey>`.
 */
export async function admitShared(url: URL, catalog: PgCatalog): Promise<Target | Refusal> {
  const path = parseSyncPath(url);
  if ('error' in path) return path;
  const { kind, id, docName } = path;
  if (kind === 'view') {
    const roomId = await catalog.roomIdForViewerKey(id);
    if (roomId) return { roomId, docName, role: 'viewer', stillValid: STAYS_VALID };
    return (await catalog.roomOfRevokedKey(id)) ? revoked() : { status: 404, error: 'unknown viewer link' };
  }
  if (url.searchParams.has('ticket')) return { status: 400, error: 'tickets are not available in shared mode yet: connect with ?key=<key>' };
  const row = await catalog.keyRow(id);
  if (!row) return { status: 404, error: 'no such room: create rooms with POST /api/rooms' };
  const key = url.searchParams.get('key');
  if (key === null) return row.participantHash === null ? { roomId: id, docName, role: 'participant', stillValid: STAYS_VALID } : revoked();
  const role = roleForKeyRow(row, key);
  if (role) return { roomId: id, docName, role, stillValid: STAYS_VALID };
  if (isWellFormedSecret(key) && (await catalog.roomOfRevokedKey(key)) === id) return revoked();
  return { status: 403, error: 'wrong facilitator key' };
}
