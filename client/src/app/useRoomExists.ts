import { useEffect, useState } from 'react';
import type { Access } from '../sync/roomConnection.ts';

export type RoomCheck = 'checking' | 'exists' | 'missing' | 'wrong-key' | 'revoked';

/** What the server said about the link: whether it names a board, and the board's title (for the join page). */
export type RoomLookup = { check: RoomCheck; title: string | null };

/**
 * Asks the server whether the link names a real board before opening it: the websocket alone
 * cannot tell "no such room" from "server down", and edits on a board that does not exist would
 * be lost. When the server cannot be reached the board opens anyway (edits sync later).
 */
export function useRoomExists(access: Access): RoomLookup {
  const [state, setState] = useState<RoomCheck>('checking');
  const [title, setTitle] = useState<string | null>(null);
  const path = access.kind === 'viewer' ? `/api/view/${access.viewerKey}` : `/api/rooms/${access.roomId}`;
  // A participant key (rotated participant link) is checked like a facilitator key.
  const facilitatorKey = access.kind === 'viewer' ? null : (access.key ?? null);
  useEffect(() => {
    let cancelled = false;
    setState('checking');
    setTitle(null);
    const headers: Record<string, string> = facilitatorKey ? { Authorization: `Bearer ${facilitatorKey}` } : {};
    fetch(path, { cache: 'no-store', headers }).then(
      (res) => {
        if (cancelled) return;
        setState(res.status === 404 ? 'missing' : res.status === 401 ? 'wrong-key' : res.status === 410 ? 'revoked' : 'exists');
        if (res.ok) void titleOf(res).then((text) => !cancelled && setTitle(text));
      },
      () => !cancelled && setState('exists'),
    );
    return () => {
      cancelled = true;
    };
  }, [path, facilitatorKey]);
  return { check: state, title };
}

/** The `title` of a `{ "title": "…" }` answer; null when the body says nothing usable. */
async function titleOf(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { title?: unknown };
    return typeof body.title === 'string' && body.title.trim() !== '' ? body.title.trim() : null;
  } catch {
    return null;
  }
}
