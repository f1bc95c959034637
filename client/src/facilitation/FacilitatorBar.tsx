import { Suspense } from 'react';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { StepTimer } from './StepTimer.tsx';
import { ReadyCheck } from './ReadyCheck.tsx';
import { LockToggle } from './LockToggle.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { facilitatorTools } from './facilitatorChunks.ts';
import './facilitatorBar.css';

/** The strip under the stepper: timer and ready check for all; lock, present and projector link for the facilitator. */
export function FacilitatorBar() {
  const room = useRoom();
  const { step } = useControl();
  const Tools = facilitatorTools.Component;
  return (
    <div className="facilitator-bar" role="toolbar" aria-label="Facilitation">
      <StepTimer showSound={!room.isFacilitator} />
      <ReadyCheck step={step} />
      <LockToggle />
      <UndoRedo />
      {room.isFacilitator && (
        <Suspense fallback={null}>
          <Tools />
        </Suspense>
      )}
    </div>
  );
}
