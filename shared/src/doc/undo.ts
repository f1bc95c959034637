import * as Y from 'yjs';
import type { BoardDoc } from './boardDoc.ts';
import { ORIGIN } from './origins.ts';

/** Undo for this device's own edits only: remote changes and reveals are never undone. */
export function createUndoManager(board: BoardDoc): Y.UndoManager {
  return new Y.UndoManager(board.undoScope(), { trackedOrigins: new Set([ORIGIN.user]), captureTimeout: 400 });
}
