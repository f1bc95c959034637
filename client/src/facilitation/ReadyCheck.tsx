import type { StepId } from '@okr/shared/schema';
import { usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useIdentity } from '../state/identity.ts';

/** "I'm done" for participants; "4/6 ready" for the facilitator and the projector. */
export function ReadyCheck({ step }: { step: StepId }) {
  const room = useRoom();
  const me = useIdentity((s) => s.id);
  const people = usePresence();
  const participants = people.filter((p) => p.user.role === 'participant');
  const ready = participants.filter((p) => p.ready?.[step]);
  const waitingFor = participants.filter((p) => !p.ready?.[step]).map((p) => p.user.name);
  const mine = people.find((p) => p.user.id === me);

  if (!room.isFacilitator && !room.isViewer) {
    const isReady = Boolean(mine?.ready?.[step]);
    return (
      <button
        type="button"
        className={`ready-toggle ${isReady ? 'is-ready' : ''}`}
        aria-pressed={isReady}
        onClick={() => updatePresence(room.awareness, { ready: { ...mine?.ready, [step]: !isReady } })}
      >
        {isReady ? '✓ I’m done' : 'I’m done'}
      </button>
    );
  }
  return (
    <span className="ready-count" role="status" title={waitingFor.length ? `Waiting for ${waitingFor.join(', ')}` : 'Everyone is done'}>
      {ready.length}/{participants.length} ready
    </span>
  );
}
