import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { bearerKey, isFacilitatorKey, wasRevoked } from '../access.ts';
import { isWellFormedSecret, SECRET_PATTERN } from '../store/keys.ts';
import { roomLinks } from '../rooms/links.ts';
import { readLinkSecrets, rotateLink, RotatedMeanwhileError, UnknownRoomError, type RotatableLink, type RoomKeys } from '../rooms/rotateLinks.ts';
import { grantForKey, REVOKED_MESSAGE } from '../relay/resolveTarget.ts';
import { TICKET_TTL_MS } from '../relay/tickets.ts';
import type { ApiContext } from './api.ts';
import { HttpError, methodNotAllowed, readJsonBody, sendJson } from './json.ts';

const rotateBody = z.object({ link: z.enum(['participant', 'viewer', 'facilitator']) }).strict();
const ticketBody = z
  .object({
    roomId: z.string().max(64).optional(),
    /** The device's seat secret for this room (see relay/seatBook.ts): the ticket carries it to the websocket. */
    seat: z.string().regex(SECRET_PATTERN, 'a seat secret is 22 to 64 letters, digits, _ or -').optional(),
  })
  .strict();

/** A key that was rotated away: its holder is told so, not merely refused. */
export function revokedLink(): HttpError {
  return new HttpError(410, 'revoked', `${REVOKED_MESSAGE[0]?.toUpperCase()}${REVOKED_MESSAGE.slice(1)}.`);
}

/**
 * Links and tickets: `GET /api/rooms/<id>/links` and `POST /api/rooms/<id>/rotate` for a
 * facilitator, `POST /api/tickets` for any link holder. False when the path is none of them.
 */
export async function handleLinksApi(req: IncomingMessage, res: ServerResponse, path: string, ctx: ApiContext): Promise<boolean> {
  if (path === '/api/tickets') {
    if (req.method !== 'POST') throw methodNotAllowed('POST');
    await issueTicket(req, res, ctx);
    return true;
  }
  const match = /^\/api\/rooms\/([^/]*)\/(links|rotate)$/.exec(path);
  if (!match) return false;
  const [, roomId = '', action] = match;
  if (action === 'links') {
    if (req.method !== 'GET') throw methodNotAllowed('GET');
    const key = facilitatorOf(req, roomId, ctx);
    sendJson(res, 200, linksBody(ctx.baseUrl(req), { roomId, facilitatorKey: key, ...readLinkSecrets(ctx.store, roomId, key) }));
    return true;
  }
  if (req.method !== 'POST') throw methodNotAllowed('POST');
  const key = facilitatorOf(req, roomId, ctx);
  const link = await readRotateRequest(req, ctx.maxBodyBytes);
  const keys = rotatedKeys(() => rotateLink(ctx.store, roomId, key, link));
  const body = linksBody(ctx.baseUrl(req), keys);
  ctx.keysRotated(roomId, link === 'participant' ? body.participantUrl : undefined);
  ctx.log.info({ room: roomId, link }, 'link rotated');
  sendJson(res, 200, body);
  return true;
}

/** A rotation's keys, or the answer for one that lost a race: its key rotated away meanwhile (410), its room deleted meanwhile (404). */
function rotatedKeys(rotate: () => RoomKeys): RoomKeys {
  try {
    return rotate();
  } catch (err) {
    if (err instanceof RotatedMeanwhileError) throw revokedLink();
    if (err instanceof UnknownRoomError) throw new HttpError(404, 'not_found', 'No room with that id.');
    throw err;
  }
}

/** POST /api/rooms/<id>/rotate's body, the same in both modes: which link to replace. */
export async function readRotateRequest(req: IncomingMessage, maxBodyBytes: number): Promise<RotatableLink> {
  const parsed = rotateBody.safeParse(await readJsonBody(req, maxBodyBytes));
  if (!parsed.success) throw new HttpError(400, 'invalid_body', 'Send {"link": "participant" | "viewer" | "facilitator"}.');
  return parsed.data.link;
}

/** The facilitator key of the request, checked: 401 missing or wrong, 410 rotated away, 404 no room. */
function facilitatorOf(req: IncomingMessage, roomId: string, ctx: ApiContext): string {
  const key = bearerKey(req.headers.authorization);
  if (key === undefined) throw new HttpError(401, 'unauthorized', 'Send the facilitator key as "Authorization: Bearer <facilitatorKey>".');
  if (!isWellFormedSecret(roomId) || !ctx.store.getRoom(roomId)) throw new HttpError(404, 'not_found', 'No room with that id.');
  if (isFacilitatorKey(ctx.store, roomId, key)) return key;
  if (wasRevoked(ctx.store, key, roomId)) throw revokedLink();
  throw new HttpError(401, 'unauthorized', 'That is not this room\'s facilitator key.');
}

export function linksBody(baseUrl: string, keys: RoomKeys) {
  const links = roomLinks(baseUrl, { id: keys.roomId, ...keys });
  return {
    roomId: keys.roomId,
    facilitatorKey: keys.facilitatorKey,
    viewerKey: keys.viewerKey,
    participantKey: keys.participantKey,
    participantUrl: links.participantUrl,
    facilitatorUrl: links.facilitatorUrl ?? '',
    viewerUrl: links.viewerUrl ?? null,
  };
}

/**
 * Exchanges a key (in the Authorization header, which proxies do not log) for a single-use
 * websocket ticket valid for TICKET_TTL_MS: `/sync/<roomId>[/control]?ticket=<ticket>`.
 * Body: `{"roomId": "…"}` for a facilitator or participant key, `{}` for a viewer key.
 */
async function issueTicket(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<void> {
  const { key, roomId, seat } = await readTicketRequest(req, ctx.maxBodyBytes);
  const grant = admitTicketGrant(grantForKey(ctx.store, key, roomId));
  const ticket = ctx.tickets.issue({ roomId: grant.roomId, role: grant.role, stillValid: grant.stillValid, seatSecret: seat });
  sendTicket(res, ticket, grant);
}

/** POST /api/tickets's request, the same in both modes: the key (Authorization header; none for an open participant link), the room asked for, and the device's seat secret. */
export async function readTicketRequest(req: IncomingMessage, maxBodyBytes: number): Promise<{ key: string | undefined; roomId: string | undefined; seat: string | undefined }> {
  const parsed = ticketBody.safeParse(await readJsonBody(req, maxBodyBytes));
  if (!parsed.success) throw new HttpError(400, 'invalid_body', 'Send {"roomId": "…", "seat"?: "…"} with a facilitator or participant key (or none for an open participant link), {} with a viewer key.');
  const key = bearerKey(req.headers.authorization);
  if (key !== undefined && !isWellFormedSecret(key)) throw new HttpError(401, 'unauthorized', 'Send the link\'s key as "Authorization: Bearer <key>".');
  if (key === undefined && parsed.data.roomId === undefined) throw new HttpError(401, 'unauthorized', 'Send the link\'s key as "Authorization: Bearer <key>".');
  return { key, roomId: parsed.data.roomId, seat: parsed.data.seat };
}

/** The grant a ticket is issued for, or the HTTP error that refuses it. */
export function admitTicketGrant<T extends { roomId: string; role: string }>(grant: T | { status: number; error: string }): T {
  if (!('error' in grant)) return grant;
  if (grant.status === 410) throw revokedLink();
  if (grant.status === 404) throw new HttpError(404, 'not_found', grant.error);
  throw new HttpError(401, 'unauthorized', 'That key does not open this board.');
}

export function sendTicket(res: ServerResponse, ticket: string, grant: { roomId: string; role: string }): void {
  sendJson(res, 201, { ticket, roomId: grant.roomId, role: grant.role, expiresInMs: TICKET_TTL_MS });
}
