import { useEffect, useMemo, useRef } from 'react';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { spotlightChoices } from './spotlightItems.ts';
import { useSpotlightBoard } from './useSpotlight.ts';

/** The spotlight's choices: every card, group, key result and finding of the step (the findings need the OKR checks, so this loads when opened). */
export function SpotlightDialog({ onClose }: { onClose: () => void }) {
  const room = useRoom();
  const { step, spotlight } = useControl();
  const board = useSpotlightBoard();
  const choices = useMemo(() => spotlightChoices(step, board), [step, board]);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const pick = (next: typeof spotlight) => {
    room.control.setSpotlight(next);
    onClose();
  };
  return (
    <dialog ref={dialog} className="gate-dialog spotlight-dialog" aria-labelledby="spotlight-title" onClose={onClose}>
      <h2 id="spotlight-title">Spotlight</h2>
      <p>The projector shows it large and every screen marks it until you clear it.</p>
      {choices.length === 0 ? (
        <p>Nothing on this step to spotlight yet.</p>
      ) : (
        <ul className="spotlight-choices">
          {choices.map((choice) => (
            <li key={`${choice.spotlight.kind}:${choice.spotlight.id}`}>
              <button type="button" aria-label={`Spotlight ${choice.kind}: ${choice.text}`} aria-pressed={spotlight?.kind === choice.spotlight.kind && spotlight.id === choice.spotlight.id} onClick={() => pick(choice.spotlight)}>
                <span className="spotlight-kind">{choice.kind}</span> {choice.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        {spotlight && (
          <button type="button" onClick={() => pick(null)}>
            Clear spotlight
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
