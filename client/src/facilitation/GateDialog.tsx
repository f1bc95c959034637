import { useEffect, useRef } from 'react';
import { stepInfo } from '@okr/shared/workshop';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { focusKeyResultCard } from '../steps/refine/focusKeyResult.ts';
import { loadMoveStep } from './facilitatorChunks.ts';

/** Names what is unmet before the group moves on, and lets the facilitator go anyway or stay. */
export function GateDialog() {
  const room = useRoom();
  const ui = useBoardUiStore();
  const pending = useBoardUi((s) => s.pendingMove);
  const askToMove = useBoardUi((s) => s.askToMove);
  const ref = useRef<HTMLDialogElement>(null);

  /** Stays to finish the card: closes the dialog, brings the group to Refine if needed, focuses the card. */
  const jumpTo = (keyResultId: string) => {
    askToMove(null);
    if (room.control.state().step !== 'refine') void loadMoveStep().then(({ moveNow }) => moveNow(room, ui, 'refine'));
    // After the dialog has closed: closing hands focus back to what opened it.
    requestAnimationFrame(() => focusKeyResultCard(keyResultId));
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  return (
    <dialog ref={ref} className="gate-dialog" aria-labelledby="gate-title" onClose={() => askToMove(null)}>
      {pending && (
        <>
          <h2 id="gate-title">Move on to {stepInfo(pending.to).title}?</h2>
          <p>Not everything is done yet:</p>
          <ul>
            {pending.unmet.map(({ message, keyResultId, cardName }) => (
              <li key={message} className="gate-item">
                <span>{message}</span>
                {keyResultId && (
                  <button type="button" className="link-button" onClick={() => jumpTo(keyResultId)} aria-label={`Go to ${cardName ?? 'the card'}`}>
                    Go to card
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">You can always come back; nothing is discarded.</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void loadMoveStep().then(({ moveNow }) => moveNow(room, ui, pending.to))}>
              Move anyway
            </button>
            <button type="button" onClick={() => askToMove(null)} autoFocus>
              Stay here
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
