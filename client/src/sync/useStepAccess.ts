import { usePreferences } from '../state/preferences.ts';
import { useControl } from './hooks.ts';
import { useRoom } from './RoomContext.tsx';

export type StepAccess = {
  /** This screen is a projector: a viewer, or the facilitator in present mode. It shows no private drafts and no controls. */
  projector: boolean;
  /** May change board content here: not a viewer, not locked out, not read-only, not a projector. */
  canEdit: boolean;
  /** May run the workshop here (reveal, vote, decide, export): the facilitator, on an editable screen that is not a projector. */
  facilitating: boolean;
};

/**
 * What this device may do on the step it shows, decided in one place. `readOnly` is the view's own
 * limit (looking back at an earlier step, or the projector's copy of the step).
 * Example: `const { canEdit, projector } = useStepAccess(readOnly);`
 */
export function useStepAccess(readOnly = false): StepAccess {
  const room = useRoom();
  const { locked } = useControl();
  const presenting = usePreferences((s) => s.presenting);
  const projector = room.isViewer || (room.isFacilitator && presenting);
  // A locked board takes edits from the facilitator only (the server enforces it too).
  const mayWrite = !room.isViewer && (room.isFacilitator || !locked);
  const onStep = !readOnly && !projector;
  return { projector, canEdit: mayWrite && onStep, facilitating: room.isFacilitator && onStep };
}
