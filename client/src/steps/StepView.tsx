import type { StepId } from '@okr/shared/schema';
import { stepInfo } from '@okr/shared/workshop';
import { useBoardUi } from '../state/boardUi.ts';
import { ContextStep } from './context/ContextStep.tsx';

/** The step the group is on, or the earlier one this participant is looking back at (read-only). */
export function StepView({ step }: { step: StepId }) {
  const lookingAt = useBoardUi((s) => s.lookingAt);
  const shown = lookingAt ?? step;
  const readOnly = lookingAt !== null && lookingAt !== step;
  const info = stepInfo(shown);
  return (
    <section className="step" aria-labelledby="step-heading">
      <h2 id="step-heading">
        {info.number !== null && <span className="step-number">Step {info.number}</span>} {info.title}
      </h2>
      <p className="purpose">{info.purpose}</p>
      {renderStep(shown, readOnly)}
    </section>
  );
}

function renderStep(step: StepId, readOnly: boolean) {
  switch (step) {
    case 'context':
      return <ContextStep readOnly={readOnly} />;
    default:
      return <p className="muted">This step is not built yet.</p>;
  }
}
