import type { StepId } from '@okr/shared/schema';
import { stepInfo } from '@okr/shared/workshop';
import { useBoardUi } from '../state/BoardUiContext.tsx';
import { useRoom } from '../sync/RoomContext.tsx';
import { useHeldStep } from '../facilitation/useHeldStep.ts';
import { DiscussionNotes } from '../facilitation/DiscussionNotes.tsx';
import { ContextStep } from './context/ContextStep.tsx';
import { DraftStep } from './draft/DraftStep.tsx';
import { PickStep } from './pick/PickStep.tsx';
import { ParkStep } from './park/ParkStep.tsx';
import { BrainstormStep } from './brainstorm/BrainstormStep.tsx';
import { RefineStep } from './refine/RefineStep.tsx';
import { SummaryStep } from './summary/SummaryStep.tsx';

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
      {renderStep(shown, readOnly)}
      {room.isFacilitator && !readOnly && info.number !== null && <DiscussionNotes key={shown} step={shown} />}
    </section>
  );
}

function renderStep(step: StepId, readOnly: boolean) {
  switch (step) {
    case 'context':
      return <ContextStep readOnly={readOnly} />;
    case 'draft':
      return <DraftStep readOnly={readOnly} />;
    case 'pick':
      return <PickStep readOnly={readOnly} />;
    case 'park':
      return <ParkStep readOnly={readOnly} />;
    case 'brainstorm':
      return <BrainstormStep readOnly={readOnly} />;
    case 'refine':
      return <RefineStep readOnly={readOnly} />;
    case 'summary':
      return <SummaryStep readOnly={readOnly} />;
  }
}
