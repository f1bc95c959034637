import { useEffect, useState } from 'react';
import type { Access } from '../sync/roomConnection.ts';

export type RoomCheck = 'checking' | 'exists' | 'missing' | 'wrong-key' | 'revoked';

/**
 * Asks the server whether the link names a real board before opening it: the websocket alone
 * cannot tell "no such room" from "server down", and edits on a board that does not exist would
 * be lost. When the server cannot be reached the board opens anyway (edits sync later).
 */
export function useRoomExists(access: Access): RoomCheck {
  const [state, setState] = useState<RoomCheck>('checking');
  const path = access.kind === 'viewer' ? `/api/view/${access.viewerKey}` : `/api/rooms/${access.roomId}`;
  // A participant key (rotated participant link) is checked like a facilitator key.
  const facilitatorKey = access.kind === 'viewer' ? null : (access.key ?? null);
  useEffect(() => {
    let cancelled = false;
    setState('checking');
    const headers: Record<string, string> = facilitatorKey ? { Authorization: `Bearer ${facilitatorKey}` } : {};
    fetch(path, { cache: 'no-store', headers }).then(
      (res) => !cancelled && setState(res.status === 404 ? 'missing' : res.status === 401 ? 'wrong-key' : res.status === 410 ? 'revoked' : 'exists'),
      () => !cancelled && setState('exists'),
    );
    return () => {
      cancelled = true;
    };
  }, [path, facilitatorKey]);
  return state;
}
