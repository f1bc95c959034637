import { useEffect } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';
import { usePreferences } from '../state/preferences.ts';
import { arrowsTaken } from '../components/Stepper.tsx';
import { loadMoveStep } from '../facilitation/facilitatorChunks.ts';
import { presenterMove } from './presenterKeys.ts';

/** The facilitator's keys in Present mode: ←/→ turn pages and move the group, Esc leaves. */
export function usePresenterKeys(pageIndex: number, pageCount: number): void {
  const room = useRoom();
  const ui = useBoardUiStore();
  const setPresenting = usePreferences((s) => s.setPresenting);
  useEffect(() => {
    if (!room.isFacilitator) return;
    const onKey = (event: KeyboardEvent) => {
      if (arrowsTaken(event) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // An open dialog (a gate, the spotlight picker) has the keys: Esc closes it, not Present mode.
      if (ui.getState().pendingMove || document.querySelector('dialog[open]')) return;
      const move = presenterMove(event.key, pageIndex, pageCount, room.control.state().step);
      if (!move) return;
      event.preventDefault();
      if (move.kind === 'exit') setPresenting(false);
      else if (move.kind === 'page') room.control.setPresentPage(move.to);
      else void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, move.to));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [room, ui, pageIndex, pageCount, setPresenting]);
}
