import type { StepId } from '@okr/shared/schema';
import { unmetForMove } from '@okr/shared/workshop';
import type { RoomConnection } from '../sync/roomConnection.ts';
import type { BoardUiStore } from '../state/boardUi.ts';

/**
 * The facilitator asks to move the group. Going back always happens at once; going forward past
 * something unmet opens the confirmation that names it.
 */
export function requestStep(room: RoomConnection, ui: BoardUiStore, to: StepId): void {
  const control = room.control.state();
  const unmet = unmetForMove(control.step, to, {
    control,
    contextCount: room.board.contextItems.list().length,
    candidates: room.board.candidates.list(),
    parked: room.board.parked.list(),
    keyResults: room.board.keyResults.list(),
  });
  if (unmet.length > 0) ui.getState().askToMove({ to, unmet });
  else moveNow(room, ui, to);
}

export function moveNow(room: RoomConnection, ui: BoardUiStore, to: StepId): void {
  room.control.setStep(to);
  ui.getState().askToMove(null);
}
