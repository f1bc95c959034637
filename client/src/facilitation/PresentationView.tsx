import { Suspense, useEffect } from 'react';
import { neighbourStep, stepInfo } from '@okr/shared/workshop';
import { useBoard, useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';
import { StepView } from '../steps/StepView.tsx';
import { ConnectionBadge } from '../components/ConnectionBadge.tsx';
import { StepTimer } from './StepTimer.tsx';
import { ReadyCheck } from './ReadyCheck.tsx';
import { gateDialog, joinQr, loadMoveStep } from './facilitatorChunks.ts';

/**
 * The projector: the group's current step in large, high-contrast type with no editing chrome,
 * the timer, who is here and how many are ready, and the join QR code. Viewers always see this;
 * the facilitator sees it in present mode.
 */
export function PresentationView() {
  const room = useRoom();
  const ui = useBoardUiStore();
  const control = useControl();
  const title = useBoard((board) => board.workshop().title);
  const people = usePresence();
  const setPresenting = usePreferences((s) => s.setPresenting);
  const info = stepInfo(control.step);
  const previous = neighbourStep(control.step, -1);
  const next = neighbourStep(control.step, 1);
  const JoinQr = joinQr.Component;
  const GateDialog = gateDialog.Component;

  // rem-based type everywhere scales with the root: large enough to read from the back of the room.
  useEffect(() => {
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, []);

  return (
    <div className="presentation">
      <header className="present-header">
        <div>
          <p className="present-workshop">{title}</p>
          <p className="present-step">{info.number !== null ? `Step ${info.number} of 6` : 'Wrap-up'}</p>
        </div>
        <StepTimer />
        <div className="present-status">
          <span>{people.length} here</span>
          <ReadyCheck step={control.step} />
          <ConnectionBadge />
        </div>
      </header>
      <div className="present-body">
        <main className="present-main">
          <StepView step={control.step} presenting />
        </main>
        {control.joinUrl && control.step !== 'summary' && (
          <aside className="present-aside" aria-label="Join this workshop">
            <Suspense fallback={null}>
              <JoinQr url={control.joinUrl} />
            </Suspense>
          </aside>
        )}
      </div>
      {room.isFacilitator && (
        <nav className="present-controls" aria-label="Presenter controls">
          <button type="button" onClick={() => previous && void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, previous))} disabled={!previous}>
            ← Previous step
          </button>
          <button type="button" className="primary" onClick={() => next && void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, next))} disabled={!next}>
            Next step →
          </button>
          <button type="button" onClick={() => setPresenting(false)}>
            Exit present mode
          </button>
          <Suspense fallback={null}>
            <GateDialog />
          </Suspense>
        </nav>
      )}
    </div>
  );
}
