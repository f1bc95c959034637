import { Suspense, useEffect } from 'react';
import type { StepId } from '@okr/shared/schema';
import { stepInfo } from '@okr/shared/workshop';
import { useBoardUi } from '../state/BoardUiContext.tsx';
import { useRoom } from '../sync/RoomContext.tsx';
import { useHeldStep } from '../facilitation/useHeldStep.ts';
import { discussionNotes } from '../facilitation/facilitatorChunks.ts';
import { stepComponents } from './stepComponents.ts';
import { canvasViews } from './canvasViews.ts';
import { useBoardView } from '../canvas/useBoardView.ts';
import { StepLoading } from './StepLoading.tsx';

/**
 * The step the group is on; or the one this person is held on (mid-card when the group moved,
 * still editable); or an earlier one they are looking back at (read-only).
 */
export function StepView({ step, presenting = false }: { step: StepId; presenting?: boolean }) {
  const room = useRoom();
  const hold = useBoardUi((s) => s.hold);
  const lookingAtOwn = useBoardUi((s) => s.lookingAt);
  // The projector always shows the group's step, read-only; the facilitator moves the group.
  const heldAt = useHeldStep(step, !presenting && !room.isFacilitator);
  const lookingAt = presenting ? null : lookingAtOwn;
  const shown = heldAt ?? lookingAt ?? step;
  const lookingBack = !heldAt && lookingAt !== null && lookingAt !== step;
  const readOnly = presenting || lookingBack;
  const info = stepInfo(shown);
  const Step = stepComponents[shown].Component;
  const DiscussionNotes = discussionNotes.Component;
  const view = useBoardView();
  // On a device that shows the canvas, its chunk is fetched beside the step's, not after it.
  useEffect(() => {
    if (view === 'canvas') void canvasViews[shown]?.preload().catch(() => undefined);
  }, [view, shown]);
  return (
    <section className="step" aria-labelledby="step-heading">
      {heldAt && heldAt !== step && (
        <div className="held-banner" role="status">
          <span>
            The group moved on to <strong>{stepInfo(step).title}</strong>. Finish your card; nothing is lost.
          </span>
          <button type="button" className="primary" onClick={() => hold(null)}>
            Join the group
          </button>
        </div>
      )}
      {lookingBack && <p className="read-only-note">You are looking back at this step (read-only).</p>}
      <h2 id="step-heading">
        {info.number !== null && <span className="step-number">Step {info.number}</span>} {info.title}
      </h2>
      <p className="purpose">{info.purpose}</p>
      <Suspense fallback={<StepLoading />}>
        <Step readOnly={readOnly} />
      </Suspense>
      {room.isFacilitator && !readOnly && info.number !== null && (
        // Its own boundary: the notes arriving late must not blank the step above them.
        <Suspense fallback={null}>
          <DiscussionNotes key={shown} step={shown} />
        </Suspense>
      )}
    </section>
  );
}
