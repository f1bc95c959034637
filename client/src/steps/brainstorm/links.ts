import type { BoardDoc } from '@okr/shared/doc';

/** Removes a key result from every initiative that links to it; call inside the transaction that removes it. */
export function unlinkKeyResult(board: BoardDoc, keyResultId: string): void {
  for (const initiative of board.initiatives.list()) {
    if (initiative.keyResultIds.includes(keyResultId)) {
      board.update(board.initiatives, initiative.id, { keyResultIds: initiative.keyResultIds.filter((id) => id !== keyResultId) });
    }
  }
}

/** A key result that reads like an action becomes an initiative, and nothing links to the old key result. */
export function moveToInitiatives(board: BoardDoc, keyResultId: string): void {
  if (!board.keyResults.has(keyResultId)) return;
  board.transact(() => {
    board.moveKeyResultToInitiatives(keyResultId);
    unlinkKeyResult(board, keyResultId);
  });
}

export function deleteKeyResult(board: BoardDoc, keyResultId: string): void {
  board.transact(() => {
    board.remove(board.keyResults, keyResultId);
    unlinkKeyResult(board, keyResultId);
  });
}
