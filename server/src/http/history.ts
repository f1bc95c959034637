import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerKey, isFacilitatorKey } from '../access.ts';
import { historyEntries } from '../store/historyEntries.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { ApiContext } from './api.ts';
import { HttpError, methodNotAllowed, sendJson } from './json.ts';

const HISTORY_PATH = /^\/api\/rooms\/([^/]*)\/history(?:\/([^/]*))?$/;

/**
 * The room's History, for its facilitator: `GET /api/rooms/<id>/history` lists the versions and
 * `GET /api/rooms/<id>/history/<versionId>` sends one version's board (a Yjs update). The server
 * changes nothing here: the facilitator's client previews the version and restores it as its own
 * undoable edit (BoardDoc.restoreFrom). Returns false when the path is not a history route.
 */
export function handleHistory(req: IncomingMessage, res: ServerResponse, path: string, ctx: ApiContext): boolean {
  const match = HISTORY_PATH.exec(path);
  if (!match) return false;
  if (req.method !== 'GET') throw methodNotAllowed('GET');
  const roomId = match[1] ?? '';
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  if (!isWellFormedSecret(roomId) || !ctx.store.getRoom(roomId)) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (!isFacilitatorKey(ctx.store, roomId, key)) throw new HttpError(401, 'unauthorized', 'That is not this room\'s facilitator key.');
  if (match[2] === undefined) {
    sendJson(res, 200, { versions: historyEntries(ctx.store.versions.list(roomId)) });
    return true;
  }
  const versionId = /^[1-9]\d{0,15}$/.test(match[2]) ? Number(match[2]) : undefined;
  const snapshot = versionId === undefined ? undefined : ctx.store.versions.snapshot(roomId, versionId);
  if (!snapshot) throw new HttpError(404, 'not_found', 'This room has no such version; its History lists those it keeps.');
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(snapshot.byteLength), 'Cache-Control': 'no-store' });
  res.end(snapshot);
  return true;
}
