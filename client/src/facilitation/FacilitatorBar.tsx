import { Suspense } from 'react';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { ReadyCheck } from './ReadyCheck.tsx';
import { LockToggle } from './LockToggle.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { facilitatorTools, stepTimer } from './facilitatorChunks.ts';
import './facilitatorBar.css';

/** The strip under the stepper: timer and ready check for all; lock, present and projector link for the facilitator. */
export function FacilitatorBar() {
  const room = useRoom();
  const { step, timer } = useControl();
  const Tools = facilitatorTools.Component;
  const Timer = stepTimer.Component;
  return (
    <div className={room.isFacilitator ? 'facilitator-bar facilitating' : 'facilitator-bar'} role="toolbar" aria-label="Facilitation">
      {/* Participants see the timer only while there is one: its code loads then (or in the prefetch). */}
      {(room.isFacilitator || timer.status !== 'idle') && (
        <Suspense fallback={null}>
          <Timer showSound={!room.isFacilitator} />
        </Suspense>
      )}
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
