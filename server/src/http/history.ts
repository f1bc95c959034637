import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerKey, isFacilitatorKey } from '../access.ts';
import { historyEntries } from '../store/historyEntries.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { VersionInfo } from '../store/versionStore.ts';
import type { ApiContext } from './api.ts';
import { HttpError, methodNotAllowed, sendJson } from './json.ts';

const HISTORY_PATH = /^\/api\/rooms\/([^/]*)\/history(?:\/([^/]*))?$/;

/** A history route: the room, and the version asked for (undefined: the list). */
export type HistoryRequest = { roomId: string; version: string | undefined };

/** Where the versions are read: the SQLite store (VersionStore) or PostgreSQL in shared mode (PgVersions). */
export type VersionReader = {
  list(roomId: string): VersionInfo[] | Promise<VersionInfo[]>;
  snapshot(roomId: string, versionId: number): Uint8Array | undefined | Promise<Uint8Array | undefined>;
};

/** The history route `path` names, if any; only GET is allowed on it. */
export function matchHistory(req: IncomingMessage, path: string): HistoryRequest | undefined {
  const match = HISTORY_PATH.exec(path);
  if (!match) return undefined;
  if (req.method !== 'GET') throw methodNotAllowed('GET');
  return { roomId: match[1] ?? '', version: match[2] };
}

/**
 * The room's History, for its facilitator: `GET /api/rooms/<id>/history` lists the versions and
 * `GET /api/rooms/<id>/history/<versionId>` sends one version's board (a Yjs update). The server
 * changes nothing here: the facilitator's client previews the version and restores it as its own
 * undoable edit (BoardDoc.restoreFrom). Returns false when the path is not a history route.
 */
export async function handleHistory(req: IncomingMessage, res: ServerResponse, path: string, ctx: ApiContext): Promise<boolean> {
  const request = matchHistory(req, path);
  if (!request) return false;
  const { roomId } = request;
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  if (!isWellFormedSecret(roomId) || !ctx.store.getRoom(roomId)) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (!isFacilitatorKey(ctx.store, roomId, key)) throw new HttpError(401, 'unauthorized', 'That is not this room\'s facilitator key.');
  await sendHistory(res, request, ctx.store.versions);
  return true;
}

/** Answers a history request whose facilitator key was checked, in either mode. */
export async function sendHistory(res: ServerResponse, { roomId, version }: HistoryRequest, versions: VersionReader): Promise<void> {
  if (version === undefined) return sendJson(res, 200, { versions: historyEntries(await versions.list(roomId)) });
  if (!/^[1-9]\d{0,15}$/.test(version)) throw new HttpError(400, 'invalid_version', 'A version id is a whole number from 1, as the History list gives it.');
  const snapshot = await versions.snapshot(roomId, Number(version));
  if (!snapshot) throw new HttpError(404, 'not_found', 'This room has no such version; its History lists those it keeps.');
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(snapshot.byteLength), 'Cache-Control': 'no-store' });
  res.end(snapshot);
}
