import { useEffect, useRef } from 'react';
import { stepInfo } from '@okr/shared/workshop';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { moveNow } from './moveStep.ts';

/** Names what is unmet before the group moves on, and lets the facilitator go anyway or stay. */
export function GateDialog() {
  const room = useRoom();
  const ui = useBoardUiStore();
  const pending = useBoardUi((s) => s.pendingMove);
  const askToMove = useBoardUi((s) => s.askToMove);
  const ref = useRef<HTMLDialogElement>(null);

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
            {pending.unmet.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="muted">You can always come back; nothing is discarded.</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => moveNow(room, ui, pending.to)}>
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
