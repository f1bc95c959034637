import { useEffect, useState } from 'react';
import type { KeyResult } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';

/** A key result this device just deleted, where it stood in the list, and the undo step that brings it back. */
export type DeletedKeyResult = { title: string; index: number; stackItem: unknown };

/**
 * Delete a key result where it stands, with "Undo" in its place. Undo pops this device's own undo
 * step, so it restores the card with its links, votes and id; the offer goes once any other edit
 * of ours lands on top of it, since undo then would undo that edit instead.
 */
export function useUndoableDelete() {
  const room = useRoom();
  const undo = room.undoManager;
  const [deleted, setDeleted] = useState<DeletedKeyResult | null>(null);

  useEffect(() => {
    if (!deleted) return;
    const stillOnTop = () => {
      if (undo.undoStack.at(-1) !== deleted.stackItem) setDeleted(null);
    };
    undo.on('stack-item-added', stillOnTop);
    undo.on('stack-item-popped', stillOnTop);
    return () => {
      undo.off('stack-item-added', stillOnTop);
      undo.off('stack-item-popped', stillOnTop);
    };
  }, [deleted, undo]);

  const remove = (kr: KeyResult, index: number) => {
    if (!room.board.keyResults.has(kr.id)) return;
    // Its own undo step, not merged with an edit made just before.
    undo.stopCapturing();
    room.board.removeKeyResult(kr.id);
    undo.stopCapturing();
    setDeleted({ title: kr.title, index, stackItem: undo.undoStack.at(-1) });
  };

  const restore = () => {
    if (deleted && undo.undoStack.at(-1) === deleted.stackItem) undo.undo();
    setDeleted(null);
  };

  return { deleted, remove, restore };
}
