import { useCallback, useEffect } from 'react';
import type { OpenForms } from '../state/boardUi.ts';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';

type Picker = NonNullable<OpenForms['targetPicker']>;

/**
 * A note's "Move to cluster…" or "Merge into…" picker: the board's one target-picker slot, read as
 * this note's mode or null. Only the note whose picker opens or closes re-renders (reading the
 * whole slot re-rendered all 300 notes). The slot closes when the note goes away while it owns it.
 */
export function useNotePicker(noteId: string): [Picker['mode'] | null, (value: Picker | null) => void] {
  const store = useBoardUiStore();
  const mode = useBoardUi((s) => (s.forms.targetPicker?.cardId === noteId ? s.forms.targetPicker.mode : null));
  useEffect(
    () => () => {
      if (store.getState().forms.targetPicker?.cardId === noteId) store.getState().openForm('targetPicker', null);
    },
    [store, noteId],
  );
  const set = useCallback((value: Picker | null) => store.getState().openForm('targetPicker', value), [store]);
  return [mode, set];
}
