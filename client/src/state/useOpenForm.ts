import { useCallback, useEffect, useRef } from 'react';
import { CLOSED_FORMS, type FormName, type OpenForms } from './boardUi.ts';
import { useBoardUi, useBoardUiStore } from './BoardUiContext.tsx';

/**
 * One open-form slot of the board's UI store, as `[value, set]`. When the component goes away (the
 * step changes, the board locks) the slot closes, if it is still `owns` this component's.
 * Example: `const [open, setOpen] = useOpenForm('addToParkingLot');`
 */
export function useOpenForm<K extends FormName>(name: K, owns: (value: OpenForms[K]) => boolean = () => true): [OpenForms[K], (value: OpenForms[K]) => void] {
  const store = useBoardUiStore();
  const value = useBoardUi((s) => s.forms[name]);
  const openForm = useBoardUi((s) => s.openForm);
  const ownsNow = useRef(owns);
  useEffect(() => {
    ownsNow.current = owns;
  });
  useEffect(
    () => () => {
      const current = store.getState().forms[name];
      if (current !== CLOSED_FORMS[name] && ownsNow.current(current)) store.getState().openForm(name, CLOSED_FORMS[name]);
    },
    [store, name],
  );
  const set = useCallback((next: OpenForms[K]) => openForm(name, next), [openForm, name]);
  return [value, set];
}
