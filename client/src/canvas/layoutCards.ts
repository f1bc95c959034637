import type { BoardDoc } from '@okr/shared/doc';
import { CONTEXT_KINDS, type CanvasStep } from '@okr/shared/schema';
import type { LayoutCard } from '@okr/shared/workshop';

/** Lanes of the tidy layout: a context card's kind; key results before initiatives. */
export const contextLane = (kind: (typeof CONTEXT_KINDS)[number]) => CONTEXT_KINDS.indexOf(kind);
export const KEY_RESULT_LANE = 0;
export const INITIATIVE_LANE = 1;

/** A step's cards as its canvas lays them out (the same lanes as the canvas), for placing a new note among them. */
export function layoutCardsOf(step: CanvasStep): (board: BoardDoc) => LayoutCard[] {
  return LAYOUT_CARDS[step];
}

const LAYOUT_CARDS: Record<CanvasStep, (board: BoardDoc) => LayoutCard[]> = {
  context: (board) => board.contextItems.list().map((c) => ({ id: c.id, pos: c.pos, clusterId: c.clusterId, lane: contextLane(c.kind) })),
  draft: (board) => board.candidates.list().map((c) => ({ id: c.id, pos: c.pos, clusterId: c.clusterId })),
  brainstorm: (board) => [
    ...board.keyResults.list().map((c) => ({ id: c.id, pos: c.pos, clusterId: c.clusterId, lane: KEY_RESULT_LANE })),
    ...board.initiatives.list().map((c) => ({ id: c.id, pos: c.pos, clusterId: c.clusterId, lane: INITIATIVE_LANE })),
  ],
};
