import { useCallback, useSyncExternalStore } from 'react';
import { useRoom } from './RoomContext.tsx';

export type HeldEdits = { waiting: boolean; discard: () => void };

/** This participant's edits that wait on the device for the board to unlock, and a way to drop them. */
export function useHeldEdits(): HeldEdits {
  const room = useRoom();
  const outbox = room.heldEdits;
  const waiting = useSyncExternalStore(
    useCallback((cb: () => void) => outbox?.onChange(cb) ?? (() => {}), [outbox]),
    () => outbox?.isWaiting() ?? false,
  );
  const discard = useCallback(() => outbox?.discard(), [outbox]);
  return { waiting, discard };
}
