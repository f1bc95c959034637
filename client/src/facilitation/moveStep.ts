import type { StepId } from '@okr/shared/schema';
import { unmetItemsForMove } from '@okr/shared/workshop';
import { REVIEW_YEAR } from '../steps/refine/useReview.ts';
import type { RoomConnection } from '../sync/roomConnection.ts';
import type { BoardUiStore } from '../state/boardUi.ts';
import { usePreferences } from '../state/preferences.ts';
import { serverNow } from '../sync/serverClock.ts';

/**
 * The facilitator asks to move the group. Going back always happens at once; going forward past
 * something unmet opens the confirmation that names it.
 */
export function requestStep(room: RoomConnection, ui: BoardUiStore, to: StepId): void {
  const control = room.control.state();
  const unmet = unmetItemsForMove(control.step, to, {
    control,
    // The cycle and year the cards' checks read, so the gate agrees with them.
    workshop: room.board.workshop(),
    year: REVIEW_YEAR,
    contextCount: room.board.contextItems.list().length,
    candidates: room.board.candidates.list(),
    parked: room.board.parked.list(),
    keyResults: room.board.keyResults.list(),
  });
  if (unmet.length > 0) ui.getState().askToMove({ to, unmet });
  else moveNow(room, ui, to);
}

/** Moves the group now; the move's server time feeds the agenda, and the new step's timebox starts if the facilitator wants it. */
export function moveNow(room: RoomConnection, ui: BoardUiStore, to: StepId): void {
  room.control.setStep(to, serverNow(), { startTimer: usePreferences.getState().startTimerOnMove });
  ui.getState().askToMove(null);
}
