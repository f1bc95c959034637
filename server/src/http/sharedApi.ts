import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerKey, roleForKeyRow } from '../access.ts';
import { createSharedRoom, newBoard } from '../rooms/createRoom.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { PgCatalog } from '../store/postgres/pgCatalog.ts';
import type { PgDocLog } from '../store/postgres/pgDocLog.ts';
import { readSharedRoomDocs } from '../store/readRoom.ts';
import { buildExport } from '@okr/shared/export';
import { cleanName } from '@okr/shared/schema';
import { answerTime, readCreateRoom, sendCreatedRoom, wrongFacilitatorKey, type ApiContext } from './api.ts';
import { matchHistory, sendHistory, type VersionReader } from './history.ts';
import { HttpError, methodNotAllowed, sendJson } from './json.ts';
import { EXPORT_ROUTE, readApiQuery, sendExport, type ExportFormat } from './query.ts';
import { admitTicketGrant, linksBody, readRotateRequest, readTicketRequest, revokedLink, sendTicket } from './linksApi.ts';
import { linkSecretsOf, planRotation, RotatedMeanwhileError } from '../rooms/rotateLinks.ts';
import type { RoomKeyRow } from '../store/roomStore.ts';
import { credentialOf } from '../relay/shared/linkCredential.ts';
import { sharedGrantForKey } from '../relay/shared/sharedAdmission.ts';
import type { SharedTickets } from '../relay/shared/sharedTickets.ts';

export type SharedApiContext = Pick<ApiContext, 'log' | 'maxBodyBytes' | 'creationGate' | 'baseUrl'> & {
  catalog: PgCatalog;
  docLog: PgDocLog;
  versions: VersionReader;
  tickets: SharedTickets;
  /** A rotation committed: cut the old link's connections on every instance; the new join link when the participant link changed. */
  keysRotated: (roomId: string, participantUrl?: string) => Promise<void>;
};

/**
 * The rooms API in shared mode, against PostgreSQL: create a room, check a link, the server
 * clock, links and their rotation, export. Tickets live in Redis, so one issued here opens a
 * websocket on any instance. History reads the versions every instance keeps in PostgreSQL.
 */
export async function handleSharedApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: SharedApiContext): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/api/')) return false;
  const { format } = readApiQuery(url);
  if (path === '/api/time') return answerTime(req, res);
  if (path === '/api/rooms') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const title = await readCreateRoom(req, ctx);
    const { room, links } = await createSharedRoom(ctx.catalog, ctx.baseUrl(req), newBoard(title));
    sendCreatedRoom(res, ctx, room, links);
    return true;
  }
  if (path === '/api/tickets') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    const { key, roomId, seat } = await readTicketRequest(req, ctx.maxBodyBytes);
    const grant = admitTicketGrant(await sharedGrantForKey(ctx.catalog, key, roomId));
    sendTicket(res, await ctx.tickets.issue({ ...grant, keyHash: credentialOf(grant.role, key).keyHash, seatSecret: seat }), grant);
    return true;
  }
  const linksMatch = /^\/api\/rooms\/([^/]*)\/(links|rotate)$/.exec(path);
  if (linksMatch) {
    await linksOrRotate(req, res, linksMatch[1] ?? '', linksMatch[2] === 'rotate', ctx);
    return true;
  }
  const exportMatch = EXPORT_ROUTE.exec(path);
  if (exportMatch) {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    await exportRoom(req, res, exportMatch[1] ?? '', format, ctx);
    return true;
  }
  const roomMatch = /^\/api\/rooms\/([^/]*)$/.exec(path) ?? /^\/api\/view\/([^/]*)$/.exec(path);
  if (roomMatch) {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    await describeRoom(req, res, path.startsWith('/api/view/') ? { viewerKey: roomMatch[1] ?? '' } : { roomId: roomMatch[1] ?? '' }, ctx);
    return true;
  }
  const history = matchHistory(req, path);
  if (history) {
    // Versions are in PostgreSQL, whichever instance kept them: every instance lists the same.
    await facilitatorOf(req, history.roomId, ctx);
    await sendHistory(res, history, ctx.versions);
    return true;
  }
  throw new HttpError(404, 'not_found', `No API route ${path}. See the README for the rooms API.`);
}

/** GET /api/rooms/<id>/links and POST /api/rooms/<id>/rotate, as in single-node mode (linksApi.ts). */
async function linksOrRotate(req: IncomingMessage, res: ServerResponse, roomId: string, rotate: boolean, ctx: SharedApiContext): Promise<void> {
  if (req.method !== (rotate ? 'POST' : 'GET')) throw methodNotAllowed(rotate ? 'POST' : 'GET');
  const { key, row } = await facilitatorOf(req, roomId, ctx);
  if (!rotate) return sendJson(res, 200, linksBody(ctx.baseUrl(req), { roomId, facilitatorKey: key, ...linkSecretsOf(row, roomId, key) }));
  const link = await readRotateRequest(req, ctx.maxBodyBytes);
  // Rotations at once (on any instance, or okr links) take turns under the room row's lock; one asked with a key rotated away meanwhile is refused.
  const keys = await ctx.catalog.changeKeys(roomId, (locked) => planRotation(locked, roomId, key, link)).catch((err: unknown) => {
    throw err instanceof RotatedMeanwhileError ? revokedLink() : err;
  });
  if (!keys) throw new HttpError(404, 'not_found', 'No room with that id.');
  const body = linksBody(ctx.baseUrl(req), keys);
  await ctx.keysRotated(roomId, link === 'participant' ? body.participantUrl : undefined);
  ctx.log.info({ room: roomId, link }, 'link rotated');
  sendJson(res, 200, body);
}

/** The facilitator key of the request with the room's key row: 401 missing or wrong, 410 rotated away, 404 no room. */
async function facilitatorOf(req: IncomingMessage, roomId: string, ctx: SharedApiContext): Promise<{ key: string; row: RoomKeyRow }> {
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  const row = isWellFormedSecret(roomId) ? await ctx.catalog.keyRow(roomId) : undefined;
  if (!row) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (roleForKeyRow(row, key) === 'facilitator') return { key, row };
  if (isWellFormedSecret(key) && (await ctx.catalog.roomOfRevokedKey(key)) === roomId) throw revokedLink();
  throw new HttpError(401, 'unauthorized', 'That is not this room\'s facilitator key.');
}

/** GET /api/rooms/<id>/export, as in single-node mode: what PostgreSQL holds is everything any client has been sent. */
async function exportRoom(req: IncomingMessage, res: ServerResponse, roomId: string, format: ExportFormat, ctx: SharedApiContext): Promise<void> {
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  const row = isWellFormedSecret(roomId) ? await ctx.catalog.keyRow(roomId) : undefined;
  if (!row) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (roleForKeyRow(row, key) !== 'facilitator') throw wrongFacilitatorKey();
  const { board, control } = await readSharedRoomDocs(ctx.docLog, roomId);
  sendExport(res, buildExport(board, control), format);
  ctx.log.info({ room: roomId, format }, 'room exported');
}

/** GET /api/rooms/<id> and /api/view/<viewerKey>, as in single-node mode (api.ts describeRoom). */
async function describeRoom(req: IncomingMessage, res: ServerResponse, link: { roomId: string } | { viewerKey: string }, ctx: SharedApiContext): Promise<void> {
  const roomId = 'viewerKey' in link ? (isWellFormedSecret(link.viewerKey) ? await ctx.catalog.roomIdForViewerKey(link.viewerKey) : undefined) : link.roomId;
  const room = roomId !== undefined && isWellFormedSecret(roomId) ? await ctx.catalog.getRoom(roomId) : undefined;
  if (!room) {
    if ('viewerKey' in link && isWellFormedSecret(link.viewerKey) && (await ctx.catalog.roomOfRevokedKey(link.viewerKey))) throw revokedLink();
    throw new HttpError(404, 'not_found', 'No board at this link.');
  }
  const key = bearerKey(req.headers.authorization);
  if ('roomId' in link) {
    const row = await ctx.catalog.keyRow(room.id);
    if (key === undefined && row?.participantHash !== null) throw revokedLink();
    if (key !== undefined && !roleForKeyRow(row, key)) throw isWellFormedSecret(key) && (await ctx.catalog.roomOfRevokedKey(key)) === room.id ? revokedLink() : wrongFacilitatorKey();
  }
  // Rooms titled before titles were cleaned are shown safely too.
  sendJson(res, 200, { title: cleanName(room.title) });
}
