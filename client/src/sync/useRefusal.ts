import { useCallback, useSyncExternalStore } from 'react';
import { useRoom } from './RoomContext.tsx';

/** Why the server refused this board's link for good (rotated away, unknown), or null; re-renders when it does. */
export function useRefusal(): string | null {
  const room = useRoom();
  return useSyncExternalStore(
    useCallback((cb) => room.onStatus(cb), [room]),
    () => room.refusal,
  );
}
