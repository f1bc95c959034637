import { useEffect, useId } from 'react';
import { useBoardUi } from '../state/BoardUiContext.tsx';

/** Tells the board this editor holds unsaved text, so the group moving on does not pull this person away. */
export function useUnsaved(unsaved: boolean): void {
  const key = useId();
  const markUnsaved = useBoardUi((s) => s.markUnsaved);
  useEffect(() => {
    markUnsaved(key, unsaved);
    return () => markUnsaved(key, false);
  }, [key, unsaved, markUnsaved]);
}
