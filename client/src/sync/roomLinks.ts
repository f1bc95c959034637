import { create } from 'zustand';

/** A board's links as its facilitator may see them (GET /api/rooms/<id>/links); viewerUrl is null for a board made before links were sealed, until rotated. */
export type RoomLinks = { facilitatorKey: string; participantUrl: string; facilitatorUrl: string; viewerUrl: string | null };
export type RotatableLink = 'participant' | 'viewer' | 'facilitator';

type RoomLinksState = {
  byRoom: Record<string, RoomLinks | undefined>;
  /** Asks the server for the links the facilitator key opens (from any device). */
  load: (roomId: string, facilitatorKey: string) => Promise<void>;
  /** Replaces one link; the old one stops opening the board and its connections are closed. */
  rotate: (roomId: string, facilitatorKey: string, link: RotatableLink) => Promise<RoomLinks>;
};

async function call(path: string, facilitatorKey: string, init: RequestInit = {}): Promise<RoomLinks> {
  const res = await fetch(path, { ...init, cache: 'no-store', headers: { Authorization: `Bearer ${facilitatorKey}`, 'Content-Type': 'application/json' } });
  const body = (await res.json()) as RoomLinks & { message?: string };
  if (!res.ok) throw new Error(body.message ?? `The server answered ${res.status}.`);
  return body;
}

/** The links of the boards open in this tab, shared by the link panel, the projector button and the QR toggle. */
export const useRoomLinks = create<RoomLinksState>()((set) => ({
  byRoom: {},
  load: async (roomId, facilitatorKey) => {
    const links = await call(`/api/rooms/${roomId}/links`, facilitatorKey);
    set(({ byRoom }) => ({ byRoom: { ...byRoom, [roomId]: links } }));
  },
  rotate: async (roomId, facilitatorKey, link) => {
    const links = await call(`/api/rooms/${roomId}/rotate`, facilitatorKey, { method: 'POST', body: JSON.stringify({ link }) });
    set(({ byRoom }) => ({ byRoom: { ...byRoom, [roomId]: links } }));
    return links;
  },
}));
