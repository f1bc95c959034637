import { useControl } from './hooks.ts';
import { useRoom } from './RoomContext.tsx';

/** Whether this device may change board content now: not a viewer, and not locked out. */
export function useCanEdit(): boolean {
  const room = useRoom();
  const { locked } = useControl();
  if (room.isViewer) return false;
  return room.isFacilitator || !locked;
}
