import type { StepId } from '@okr/shared/schema';
import { loadable, type Loadable } from '../app/loadable.tsx';

type StepProps = { readOnly: boolean };

/** One chunk per step: a participant's first load carries only the step the group is on. */
export const stepComponents: Record<StepId, Loadable<StepProps>> = {
  context: loadable(() => import('./context/ContextStep.tsx').then((m) => m.ContextStep)),
  draft: loadable(() => import('./draft/DraftStep.tsx').then((m) => m.DraftStep)),
  pick: loadable(() => import('./pick/PickStep.tsx').then((m) => m.PickStep)),
  park: loadable(() => import('./park/ParkStep.tsx').then((m) => m.ParkStep)),
  brainstorm: loadable(() => import('./brainstorm/BrainstormStep.tsx').then((m) => m.BrainstormStep)),
  refine: loadable(() => import('./refine/RefineStep.tsx').then((m) => m.RefineStep)),
  summary: loadable(() => import('./summary/SummaryStep.tsx').then((m) => m.SummaryStep)),
};
