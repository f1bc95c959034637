import type { PrivateWritingStep } from '@okr/shared/schema';
import { useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { summarizeWriting, writingLine } from './writingSummary.ts';
import { stripAuthors } from './writeCards.ts';
import { LockIcon } from './LockIcon.tsx';
import { RevealButton } from './RevealButton.tsx';
import { AnonymityNote } from './AnonymityNote.tsx';
import { isPrivateWriting, readyKey } from '@okr/shared/workshop';

/**
 * The facilitator's part of a writing step: reveal everyone's drafts at once, start another
 * private round, and the anonymity switch. Only rendered for the facilitator.
 */
export function PrivateWritingControls({ step }: { step: PrivateWritingStep }) {
  const room = useRoom();
  const control = useControl();
  const people = usePresence();
  const privateOn = isPrivateWriting(control, step);
  const rounds = control.reveals[step] ?? 0;
  const summary = summarizeWriting(people, step, readyKey(step, control.stepVisit));

  const setAnonymous = (anonymous: boolean) => {
    room.control.set({ anonymous });
    // Anonymous means no author in the shared document at all, not names hidden by the client.
    if (anonymous) stripAuthors(room.board);
  };

  return (
    <section className="writing-controls" aria-label="Silent writing (facilitator)">
      <div className="facilitator-state">
        {privateOn ? (
          <>
            <strong>
              <LockIcon /> Private writing{rounds > 0 ? ` (round ${rounds + 1})` : ''}
            </strong>
            <span className="muted">{writingLine(summary)}</span>
          </>
        ) : (
          <>
            <strong>Revealed{rounds > 1 ? ` (${rounds} rounds)` : ''}</strong>
            <span className="muted">{control.anonymous ? 'New cards reach the board unsigned within a few seconds.' : 'New cards go straight to the board.'}</span>
          </>
        )}
      </div>
      <div className="row">
        {privateOn ? (
          <RevealButton step={step} />
        ) : (
          <button type="button" onClick={() => room.control.setPrivateWriting(step, true)}>
            Start another private round
          </button>
        )}
        <label className="switch">
          <input type="checkbox" checked={control.anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          Anonymous cards
        </label>
      </div>
      {control.anonymous && <AnonymityNote />}
    </section>
  );
}
