import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';

/**
 * Whether this screen is a projector: a viewer, or the facilitator in present mode. A projector
 * shows no private drafts and no controls, only what everyone may see, large.
 */
export function useProjector(): boolean {
  const room = useRoom();
  const presenting = usePreferences((s) => s.presenting);
  return room.isViewer || (room.isFacilitator && presenting);
}
