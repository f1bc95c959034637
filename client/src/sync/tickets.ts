import type { Access } from './roomConnection.ts';

/** The server refused the link for good (rotated away, or never valid): retrying cannot help. */
export class LinkRefusedError extends Error {
  override name = 'LinkRefusedError';
}

/**
 * Where one websocket goes and with which URL parameters. A key never goes in the URL (a proxy
 * may log it): it is exchanged, in an Authorization header, for a single-use ticket. The seat
 * secret (seatSecret.ts) rides in the same request, so the ticket claims this device's seat;
 * `/r/<roomId>` without a key asks for a ticket without Authorization, for the seat alone.
 */
export async function socketTarget(access: Access, seatSecret: string | undefined): Promise<{ roomId: string; params: Record<string, string> }> {
  const key = access.kind === 'viewer' ? access.viewerKey : access.key;
  const seat = seatSecret === undefined ? {} : { seat: seatSecret };
  const res = await fetch('/api/tickets', {
    method: 'POST',
    cache: 'no-store',
    headers: { ...(key === undefined ? {} : { Authorization: `Bearer ${key}` }), 'Content-Type': 'application/json' },
    body: JSON.stringify(access.kind === 'viewer' ? {} : { roomId: access.roomId, ...seat }),
  });
  const body = (await res.json().catch(() => ({}))) as { ticket?: string; roomId?: string; message?: string };
  if (res.status === 410 || res.status === 401 || res.status === 404) throw new LinkRefusedError(body.message ?? `refused (${res.status})`);
  if (!res.ok || !body.ticket || !body.roomId) throw new Error(body.message ?? `ticket not issued (${res.status})`);
  return { roomId: body.roomId, params: { ticket: body.ticket } };
}
