/** The answer of GET /api/rooms/<id>/links and POST /api/rooms/<id>/rotate. */
export type RoomLinks = {
  roomId: string;
  facilitatorKey: string;
  viewerKey: string | null;
  participantKey: string | null;
  participantUrl: string;
  facilitatorUrl: string;
  viewerUrl: string | null;
};

/** Rotates one of a room's links as its facilitator; throws unless the server answers 200. */
export async function rotate(httpUrl: string, roomId: string, facilitatorKey: string, link: 'participant' | 'viewer' | 'facilitator'): Promise<RoomLinks> {
  const res = await fetch(`${httpUrl}/api/rooms/${roomId}/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${facilitatorKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ link }),
  });
  if (res.status !== 200) throw new Error(`rotate ${link} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as RoomLinks;
}

/** POST /api/tickets with `key` in the Authorization header: the status and body. */
export async function askTicket(httpUrl: string, key: string, roomId?: string): Promise<{ status: number; body: { ticket?: string; role?: string; roomId?: string; expiresInMs?: number; error?: string } }> {
  const res = await fetch(`${httpUrl}/api/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(roomId === undefined ? {} : { roomId }),
  });
  return { status: res.status, body: (await res.json()) as { ticket?: string } };
}
