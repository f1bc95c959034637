import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { buildExport } from '@okr/shared/export';
import { cleanName } from '@okr/shared/schema';
import { bearerKey, isFacilitatorKey, isOpenParticipantLink, roleForRoomKey, roomIdForViewerKey, wasRevoked } from '../access.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { CreatedRoom, RoomStore } from '../store/roomStore.ts';
import type { roomLinks } from '../rooms/links.ts';
import { readRoomDocs } from '../store/readRoom.ts';
import { createRoom, newBoard } from '../rooms/createRoom.ts';
import { handleHistory } from './history.ts';
import type { TicketBook } from '../relay/tickets.ts';
import { HttpError, methodNotAllowed, readJsonBody, sendJson } from './json.ts';
import { handleLinksApi, revokedLink } from './linksApi.ts';
import { EXPORT_ROUTE, readApiQuery, sendExport, type ExportFormat } from './query.ts';
import type { RoomCreationGate } from './roomCreationGate.ts';

const createRoomBody = z.object({ title: z.string().max(200).transform(cleanName).optional() }).strict();

export type ApiContext = {
  log: Logger;
  store: RoomStore;
  /** Stores what a loaded room holds in memory from this turn, before the store is read. */
  flushRoom: (roomId: string) => void;
  maxBodyBytes: number;
  /** Per-address creation limit and CREATE_ROOM_TOKEN. */
  creationGate: RoomCreationGate;
  baseUrl: (req: IncomingMessage) => string;
  /** Websocket tickets the relay redeems (POST /api/tickets). */
  tickets: TicketBook;
  /** After a rotation: closes connections on rotated links and, for the participant link, shows the new one on the projector. */
  keysRotated: (roomId: string, participantUrl?: string) => void;
};

/** The rooms API. Returns false when the path is not an API route, so static serving can take it. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiContext): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/api/')) return false;
  const { format } = readApiQuery(url);
  if (path === '/api/time') return answerTime(req, res);
  if (path === '/api/rooms') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    await postRoom(req, res, ctx);
    return true;
  }
  const roomMatch = /^\/api\/rooms\/([^/]*)$/.exec(path) ?? /^\/api\/view\/([^/]*)$/.exec(path);
  if (roomMatch) {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    describeRoom(req, res, path.startsWith('/api/view/') ? { viewerKey: roomMatch[1] ?? '' } : { roomId: roomMatch[1] ?? '' }, ctx);
    return true;
  }
  const exportMatch = EXPORT_ROUTE.exec(path);
  if (exportMatch) {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    exportRoom(req, res, exportMatch[1] ?? '', format, ctx);
    return true;
  }
  if (await handleHistory(req, res, path, ctx)) return true;
  if (await handleLinksApi(req, res, path, ctx)) return true;
  throw new HttpError(404, 'not_found', `No API route ${path}. See the README for the rooms API.`);
}

/** GET /api/time: clients estimate their clock offset from it, so every timer shows the same time left. */
export function answerTime(req: IncomingMessage, res: ServerResponse): true {
  if (req.method !== 'GET') throw methodNotAllowed('GET');
  sendJson(res, 200, { now: Date.now() });
  return true;
}

async function postRoom(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<void> {
  const title = await readCreateRoom(req, ctx);
  const { room, links } = createRoom(ctx.store, ctx.baseUrl(req), newBoard(title));
  sendCreatedRoom(res, ctx, room, links);
}

/** POST /api/rooms's checks (creation gate, body), the same in both modes: the title asked for. */
export async function readCreateRoom(req: IncomingMessage, ctx: Pick<ApiContext, 'creationGate' | 'maxBodyBytes'>): Promise<string | undefined> {
  await ctx.creationGate.admit(req);
  const parsed = createRoomBody.safeParse(await readJsonBody(req, ctx.maxBodyBytes));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid_body', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}. Send {"title": "..."}.`);
  }
  return parsed.data.title;
}

/** POST /api/rooms's answer: the keys, once, and the links. */
export function sendCreatedRoom(res: ServerResponse, ctx: Pick<ApiContext, 'log'>, room: CreatedRoom, links: ReturnType<typeof roomLinks>): void {
  ctx.log.info({ room: room.id }, 'room created');
  sendJson(res, 201, {
    roomId: room.id,
    facilitatorKey: room.facilitatorKey,
    viewerKey: room.viewerKey,
    participantUrl: links.participantUrl,
    facilitatorUrl: links.facilitatorUrl,
    viewerUrl: links.viewerUrl,
  });
}

/**
 * Whether a link names a real room, before the client opens it: a refused websocket cannot say
 * why. With a key it also says whether the key is right (401 if not), and a rotated-away link
 * (or `/r/<roomId>` alone once the participant link was rotated) answers 410.
 */
function describeRoom(req: IncomingMessage, res: ServerResponse, link: { roomId: string } | { viewerKey: string }, ctx: ApiContext): void {
  const roomId = 'viewerKey' in link ? roomIdForViewerKey(ctx.store, link.viewerKey) : link.roomId;
  const room = roomId !== undefined && isWellFormedSecret(roomId) ? ctx.store.getRoom(roomId) : undefined;
  if (!room) {
    if ('viewerKey' in link && wasRevoked(ctx.store, link.viewerKey)) throw revokedLink();
    throw new HttpError(404, 'not_found', 'No board at this link.');
  }
  const key = bearerKey(req.headers.authorization);
  if ('roomId' in link) {
    if (key === undefined && !isOpenParticipantLink(ctx.store, room.id)) throw revokedLink();
    if (key !== undefined && !roleForRoomKey(ctx.store, room.id, key)) throw wasRevoked(ctx.store, key, room.id) ? revokedLink() : wrongFacilitatorKey();
  }
  // Rooms titled before titles were cleaned are shown safely too.
  sendJson(res, 200, { title: cleanName(room.title) });
}

function exportRoom(req: IncomingMessage, res: ServerResponse, roomId: string, format: ExportFormat, ctx: ApiContext): void {
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  if (!isWellFormedSecret(roomId) || !ctx.store.getRoom(roomId)) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (!isFacilitatorKey(ctx.store, roomId, key)) throw wrongFacilitatorKey();
  ctx.flushRoom(roomId);
  const { board, control } = readRoomDocs(ctx.store, roomId);
  sendExport(res, buildExport(board, control), format);
  ctx.log.info({ room: roomId, format }, 'room exported');
}

export function wrongFacilitatorKey(): HttpError {
  return new HttpError(401, 'unauthorized', 'That is not this room\'s facilitator key.');
}
