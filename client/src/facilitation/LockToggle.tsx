import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { LockedNote } from './LockedNote.tsx';

/** The facilitator locks the board (participants read-only, enforced by the server) and unlocks it. */
export function LockToggle() {
  const room = useRoom();
  const { locked } = useControl();
  if (!room.isFacilitator) return locked ? <LockedNote /> : null;
  return (
    // "Board" is said by the name only: the bar stays one line at 1280 px.
    <button type="button" aria-pressed={locked} aria-label={locked ? 'Unlock board' : 'Lock board'} onClick={() => room.control.set({ locked: !locked })}>
      {locked ? 'Unlock' : 'Lock'}
    </button>
  );
}
