import type { StepId } from '@okr/shared/schema';
import { asksReady, readiness, readyKey } from '@okr/shared/workshop';
import { useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useStepAccess } from '../sync/useStepAccess.ts';

/**
 * "I'm done" for participants; "4/6 ready" for the facilitator and the projector, and who is ready
 * and who is not yet for the facilitator (never named on the projector, in front of the room).
 * Marks count for this visit of the step only: a move, back included, starts over at 0. Nothing
 * on the Summary, which has nothing to finish (asksReady), nor while nobody who could be ready is here.
 */
export function ReadyCheck({ step }: { step: StepId }) {
  const room = useRoom();
  const { facilitating } = useStepAccess();
  const people = usePresence();
  const { stepVisit } = useControl();
  const key = readyKey(step, stepVisit);
  const { ready, waiting } = readiness(people, key);
  const mine = people.find((p) => p.isMe);
  if (!asksReady(step)) return null;

  if (!room.isFacilitator && !room.isViewer) {
    const isReady = mine?.ready?.[key] === true;
    return (
      <button
        type="button"
        className={`ready-toggle ${isReady ? 'is-ready' : ''}`}
        aria-pressed={isReady}
        // Only this visit's mark is kept: older ones could only ever be stale.
        onClick={() => updatePresence(room.awareness, { ready: { [key]: !isReady } })}
      >
        {isReady ? '✓ I’m done' : 'I’m done'}
      </button>
    );
  }
  const total = ready.length + waiting.length;
  // Nobody to be ready yet: "0/0 ready" would say nothing.
  if (total === 0) return null;
  return (
    <span className="ready-check">
      <span className="ready-count" role="status" title={waiting.length ? `Waiting for ${waiting.join(', ')}` : 'Everyone is done'}>
        {ready.length}/{total} ready
      </span>
      {facilitating && (
        <span className="ready-names" aria-label="Who is ready">
          {ready.length > 0 && <span>Ready: {ready.join(', ')}</span>}
          {ready.length > 0 && waiting.length > 0 && ' · '}
          {waiting.length > 0 && <span className="muted">Waiting for {waiting.join(', ')}</span>}
        </span>
      )}
    </span>
  );
}
