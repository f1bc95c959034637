import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { StepTimer } from './StepTimer.tsx';
import { ReadyCheck } from './ReadyCheck.tsx';
import { LockToggle } from './LockToggle.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { ViewerLink } from './ViewerLink.tsx';
import { HistoryButton } from '../history/HistoryButton.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';

/** The strip under the stepper: timer and ready check for all; lock, present and projector link for the facilitator. */
export function FacilitatorBar() {
  const room = useRoom();
  const { step, joinUrl } = useControl();
  const setPresenting = usePreferences((s) => s.setPresenting);
  const links = useFacilitatorLinks();
  const participantUrl = room.access.kind === 'viewer' ? null : (links?.participantUrl ?? `${location.origin}/r/${room.access.roomId}`);
  return (
    <div className="facilitator-bar" role="toolbar" aria-label="Facilitation">
      <StepTimer />
      <ReadyCheck step={step} />
      <LockToggle />
      <UndoRedo />
      {room.isFacilitator && (
        <>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={joinUrl !== null}
              onChange={(e) => room.control.set({ joinUrl: e.target.checked ? participantUrl : null })}
            />
            Join QR on projector
          </label>
          <ViewerLink />
          <HistoryButton />
          <button type="button" onClick={() => setPresenting(true)}>
            Present
          </button>
        </>
      )}
    </div>
  );
}
