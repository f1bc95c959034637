import type { PrivateWritingStep } from '@okr/shared/schema';
import { useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { summarizeWriting, writingLine } from './writingSummary.ts';
import { useStepAccess } from '../sync/useStepAccess.ts';
import { LockIcon } from './LockIcon.tsx';
import { isPrivateWriting, readyKey } from '@okr/shared/workshop';

/**
 * "Ana is writing (2)": who holds private drafts for the step, from presence counts only. The
 * facilitator and the projector also get the room's totals; the facilitator also sees who has
 * not written yet (never the projector: nobody is named for that in front of the room).
 */
export function WritingStatus({ step }: { step: PrivateWritingStep }) {
  const room = useRoom();
  const { projector } = useStepAccess();
  const control = useControl();
  const people = usePresence();
  const privateOn = isPrivateWriting(control, step);
  const summary = summarizeWriting(people, step, readyKey(step, control.stepVisit));
  // On a projector the presenting facilitator is one of the writers like everyone else.
  const others = projector ? summary.writers : summary.writers.filter((w) => !w.isMe);
  // The facilitator reads the totals beside the Reveal button; the projector reads them here.
  const overview = projector;
  if (!privateOn && summary.writers.length === 0) return null;
  const waiting = summary.notStarted.filter((w) => !w.isMe);
  return (
    <section className={`writing-status ${privateOn ? 'is-private' : ''}`} aria-label="Who is writing">
      {privateOn && (
        <p className="writing-mode">
          <LockIcon />{' '}
          Silent writing: drafts stay on each person’s device until the facilitator reveals them.
        </p>
      )}
      {overview && (
        <p className="writing-count" role="status">
          {writingLine(summary)}
        </p>
      )}
      {others.length > 0 && (
        <ul className="writing-people">
          {others.map((w) => (
            <li key={w.id} className="writing-person">
              {w.name} is writing ({w.count}){w.ready && <span className="writing-person-done"> · done</span>}
            </li>
          ))}
        </ul>
      )}
      {room.isFacilitator && !projector && privateOn && waiting.length > 0 && <p className="muted not-started">Nothing written yet: {waiting.map((w) => w.name).join(', ')}</p>}
    </section>
  );
}
