import { useEffect, useSyncExternalStore } from 'react';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { isTyping } from '../components/Stepper.tsx';

/** Undo and redo of this device's own edits only (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z). */
export function UndoRedo() {
  const room = useRoom();
  const undo = room.undoManager;
  const state = useSyncExternalStore(
    (cb) => {
      undo.on('stack-item-added', cb);
      undo.on('stack-item-popped', cb);
      undo.on('stack-cleared', cb);
      return () => {
        undo.off('stack-item-added', cb);
        undo.off('stack-item-popped', cb);
        undo.off('stack-cleared', cb);
      };
    },
    () => `${undo.undoStack.length}:${undo.redoStack.length}`,
  );
  const [undoCount, redoCount] = state.split(':').map(Number);
  // A locked board takes edits from the facilitator only: a participant's undo would be refused.
  const lockedOut = useControl().locked && !room.isFacilitator;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Inside a text box the browser's own undo edits the text being typed.
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || isTyping(event.target)) return;
      event.preventDefault();
      if (lockedOut) return;
      if (event.shiftKey) undo.redo();
      else undo.undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, lockedOut]);

  if (room.isViewer) return null;
  return (
    <span className="undo-redo">
      {/* Arrows, named for screen readers and in the tooltip: the bar stays one line at 1280 px and on a phone. */}
      <button type="button" className="bar-icon" onClick={() => undo.undo()} disabled={lockedOut || !undoCount} aria-label="Undo my last edit" title="Undo (Ctrl/Cmd+Z)">
        <span aria-hidden="true">↶</span>
      </button>
      <button type="button" className="bar-icon" onClick={() => undo.redo()} disabled={lockedOut || !redoCount} aria-label="Redo" title="Redo (Shift+Ctrl/Cmd+Z)">
        <span aria-hidden="true">↷</span>
      </button>
    </span>
  );
}
