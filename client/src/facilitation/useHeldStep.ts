import { useEffect, useRef } from 'react';
import type { StepId } from '@okr/shared/schema';
import { hasUnsavedWork } from '../state/boardUi.ts';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';

/**
 * When the group moves on while this person has a half-written card, keep them on the step they
 * were on (editable) until they choose to follow: Parabol users' top complaint, avoided. Decided
 * during render, before the old step's editors unmount and their text is gone.
 */
export function useHeldStep(step: StepId, enabled: boolean): StepId | null {
  const store = useBoardUiStore();
  const heldAt = useBoardUi((s) => s.heldAt);
  const lastStep = useRef(step);
  const changed = lastStep.current !== step;
  const holdNow = enabled && changed && heldAt === null && hasUnsavedWork(store.getState()) ? lastStep.current : null;

  useEffect(() => {
    lastStep.current = step;
    const ui = store.getState();
    if (ui.heldAt === step) ui.hold(null);
    else if (holdNow) ui.hold(holdNow);
    if (changed) ui.lookAt(null);
  }, [store, step, holdNow, changed]);

  if (!enabled || heldAt === step) return null;
  return heldAt ?? holdNow;
}
