import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { LockedNote } from './LockedNote.tsx';

/** The facilitator locks the board (participants read-only, enforced by the server) and unlocks it. */
export function LockToggle() {
  const room = useRoom();
  const { locked } = useControl();
  if (!room.isFacilitator) return locked ? <LockedNote /> : null;
  return (
    <button type="button" aria-pressed={locked} onClick={() => room.control.set({ locked: !locked })}>
      {locked ? 'Unlock board' : 'Lock board'}
    </button>
  );
}
