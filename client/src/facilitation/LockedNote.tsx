import { useHeldEdits } from '../sync/useHeldEdits.ts';

/**
 * What a participant sees while the facilitator has locked the board: why nothing is editable, and
 * edits made offline that wait on this device for the unlock, with a way to drop them.
 */
export function LockedNote() {
  const { waiting, discard } = useHeldEdits();
  return (
    <span className="lock-note" role="status">
      Board locked by the facilitator: editing and undo are paused until the facilitator unlocks it.
      {waiting && (
        <span className="held-edits">
          Your edits made offline are waiting on this device and will be sent when the board unlocks.{' '}
          <button type="button" onClick={discard}>
            Discard my waiting edits
          </button>
        </span>
      )}
    </span>
  );
}
