import type { StepId } from '@okr/shared/schema';
import { neighbourStep } from '@okr/shared/workshop';

export type PresenterMove = { kind: 'page'; to: number } | { kind: 'step'; to: StepId } | { kind: 'exit' } | null;

/**
 * What a key does in Present mode, as in a slide deck: → shows the step's next page, and past the
 * last one moves the group on; ← the same backwards; Esc leaves Present mode.
 * Example: `presenterMove('ArrowRight', 5, 6, 'refine')` → `{ kind: 'step', to: 'summary' }`.
 */
export function presenterMove(key: string, page: number, pageCount: number, step: StepId): PresenterMove {
  if (key === 'Escape') return { kind: 'exit' };
  const delta = key === 'ArrowRight' || key === 'PageDown' ? 1 : key === 'ArrowLeft' || key === 'PageUp' ? -1 : 0;
  if (!delta) return null;
  const nextPage = page + delta;
  if (nextPage >= 0 && nextPage < pageCount) return { kind: 'page', to: nextPage };
  const nextStep = neighbourStep(step, delta);
  return nextStep ? { kind: 'step', to: nextStep } : null;
}
