import { Suspense, useEffect } from 'react';
import { neighbourStep, stepInfo } from '@okr/shared/workshop';
import { useBoard, useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';
import { ConnectionBadge } from '../components/ConnectionBadge.tsx';
import { ProjectorStep } from '../present/ProjectorStep.tsx';
import { ProjectorPager } from '../present/ProjectorPager.tsx';
import { SpotlightPicker } from '../present/SpotlightPicker.tsx';
import { usePresentPages } from '../present/usePresentPages.ts';
import { usePresenterKeys } from '../present/usePresenterKeys.ts';
import { StepTimer } from './StepTimer.tsx';
import { ReadyCheck } from './ReadyCheck.tsx';
import { gateDialog, joinQr, loadMoveStep, spotlightView } from './facilitatorChunks.ts';
import '../present/present.css';

/**
 * The projector: the group's current step in large, high-contrast type with no editing chrome, one
 * page at a time so it always fits the screen; the timer, a locked board, who is here and how many
 * are ready; the join QR code; and whatever the facilitator spotlights. Viewers always see this;
 * the facilitator sees it in Present mode, with the controls and keys that move the room.
 */
export function PresentationView() {
  const room = useRoom();
  const ui = useBoardUiStore();
  const control = useControl();
  const title = useBoard((board) => board.workshop().title);
  const people = usePresence();
  const setPresenting = usePreferences((s) => s.setPresenting);
  const { pages, index } = usePresentPages(control.step);
  usePresenterKeys(index, pages.length);
  const info = stepInfo(control.step);
  const joinUrl = control.step !== 'summary' ? control.joinUrl : null;
  const previous = neighbourStep(control.step, -1);
  const next = neighbourStep(control.step, 1);
  const JoinQr = joinQr.Component;
  const GateDialog = gateDialog.Component;
  const SpotlightView = spotlightView.Component;
  const move = (to: typeof previous) => to && void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, to));

  // rem-based type everywhere scales with the root: large enough to read from the back of the room.
  useEffect(() => {
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, []);

  return (
    <div className="presentation">
      <header className="present-header">
        {/* One line, so the step's page (a canvas most of all) keeps the height. */}
        <p className="present-workshop">
          {title} <span className="present-step">· {info.number !== null ? `Step ${info.number} of 6` : 'Wrap-up'}</span>
        </p>
        <StepTimer showSound={false} />
        <div className="present-status">
          {control.locked && (
            <span className="present-locked" role="status">
              Board locked
            </span>
          )}
          {/* Up before anyone has joined, it says so rather than "0 here · 0/0 ready". */}
          <span>{people.length > 0 ? `${people.length} here` : 'Nobody has joined yet'}</span>
          <ReadyCheck step={control.step} />
          <ConnectionBadge />
        </div>
      </header>
      <div className="present-body">
        <main className="present-main">
          <ProjectorStep step={control.step} />
          {control.spotlight && (
            <Suspense fallback={null}>
              <SpotlightView />
            </Suspense>
          )}
        </main>
        {(joinUrl || room.isFacilitator) && (
          // The presenter's controls sit in the side column under the join code, not in a bar across
          // the bottom: the bar took the height that kept a canvas's notes at 28 px (27 and 26.6 px).
          <div className="present-side">
            {joinUrl && (
              <aside className="present-aside" aria-label="Join this workshop">
                <Suspense fallback={null}>
                  <JoinQr url={joinUrl} />
                </Suspense>
              </aside>
            )}
            {room.isFacilitator && (
              <nav className="present-controls" aria-label="Presenter controls">
                <button type="button" onClick={() => move(previous)} disabled={!previous}>
                  ← Previous step
                </button>
                <button type="button" className="primary" onClick={() => move(next)} disabled={!next}>
                  Next step →
                </button>
                <ProjectorPager />
                <SpotlightPicker />
                <span className="present-keys">Keys: ←/→ pages and steps, Esc leaves</span>
                <button type="button" onClick={() => setPresenting(false)}>
                  Exit present mode
                </button>
                <Suspense fallback={null}>
                  <GateDialog />
                </Suspense>
              </nav>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
