import * as Y from 'yjs';
import type { BoardDoc } from './boardDoc.ts';
import { ORIGIN } from './origins.ts';

/**
 * This device's board edits the server has not taken yet (any local origin, its own undo
 * included), so they can be rolled back: an edit held while the board is locked and then discarded.
 * Example: `unsent.markSent()` when an update leaves; `unsent.discard()` on "Discard".
 */
export class UnsentEdits {
  private readonly undo: Y.UndoManager;

  constructor(
    private readonly board: BoardDoc,
    ownUndo: Y.UndoManager,
  ) {
    const everyRoot = [...board.ydoc.share.values()];
    const localOrigins = new Set<unknown>([ORIGIN.user, ORIGIN.reveal, ORIGIN.import, ownUndo]);
    this.undo = new Y.UndoManager(everyRoot, { trackedOrigins: localOrigins, captureTimeout: 0 });
  }

  /** Whether there is anything the server has not taken. */
  any(): boolean {
    return this.undo.undoStack.length > 0;
  }

  /** What was sent is the server's: nothing left to roll back. */
  markSent(): void {
    this.undo.clear();
  }

  /**
   * Rolls every unsent edit back on this device. The rolled-back content is garbage collected, so
   * a later sync carries only its tombstones, never its text.
   */
  discard(): void {
    while (this.undo.undoStack.length > 0) this.undo.undo();
    this.undo.clear();
    const { ydoc } = this.board;
    Y.tryGc(Y.createDeleteSetFromStructStore(ydoc.store), ydoc.store, ydoc.gcFilter);
  }

  destroy(): void {
    this.undo.destroy();
  }
}
