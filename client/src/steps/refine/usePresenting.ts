import { useRoom } from '../../sync/RoomContext.tsx';
import { usePreferences } from '../../state/preferences.ts';

/** On the projector: a viewer, or the facilitator in present mode. No buttons, nothing private. */
export function usePresenting(): boolean {
  const room = useRoom();
  const presentMode = usePreferences((s) => s.presenting);
  return room.isViewer || (room.isFacilitator && presentMode);
}
