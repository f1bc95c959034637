import { useMemo } from 'react';
import { CANVAS_STEPS, type CanvasStep, type StepId } from '@okr/shared/schema';
import { assignLanes, canvasPages, groupCandidates, layoutCanvas, presentPages, shownPage, type PresentCounts, type PresentPage } from '@okr/shared/workshop';
import { useBoard, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { layoutCardsOf } from '../canvas/layoutCards.ts';

/** The cards the projector lays out, read once for every page. */
export function useProjectorContent() {
  const context = useBoard((board) => board.contextItems.list());
  const candidates = useBoard((board) => board.candidates.list());
  const parked = useBoard((board) => board.parked.list());
  const keyResults = useBoard((board) => board.keyResults.list());
  const initiatives = useBoard((board) => board.initiatives.list());
  const { objective } = useControl();
  const groups = useMemo(() => groupCandidates(candidates.filter((c) => !c.discarded)), [candidates]);
  const unsorted = useMemo(() => assignLanes(candidates, parked, objective).unsorted, [candidates, parked, objective]);
  return { context, candidates, groups, unsorted, parked, keyResults, initiatives };
}

export type ProjectorContent = ReturnType<typeof useProjectorContent>;

export function countsOf(content: ProjectorContent, canvasPageCount: number): PresentCounts {
  return {
    canvasPages: canvasPageCount,
    context: content.context.length,
    candidateGroups: content.groups.length,
    unsorted: content.unsorted.length,
    parked: content.parked.length,
    keyResults: content.keyResults.length,
    initiatives: content.initiatives.length,
  };
}

/** The step's projector pages and the one the facilitator put up; the facilitator's pager reads the same. */
export function usePresentPages(step: StepId): { pages: PresentPage[]; index: number; content: ProjectorContent } {
  const content = useProjectorContent();
  const canvasPageCount = useCanvasPageCount(step, content);
  const { presentPage } = useControl();
  const pages = useMemo(() => presentPages(step, countsOf(content, canvasPageCount)), [step, content, canvasPageCount]);
  return { pages, index: shownPage(pages.length, presentPage), content };
}

/** How many pages the projector shows a canvas step in: the same layout as the canvas, cut as the projector cuts it. */
function useCanvasPageCount(step: StepId, content: ProjectorContent): number {
  const room = useRoom();
  const clusters = useBoard((board) => board.clusters.list());
  const { context, candidates, keyResults, initiatives } = content;
  return useMemo(() => {
    if (!CANVAS_STEPS.includes(step as CanvasStep)) return 0;
    const canvasStep = step as CanvasStep;
    return canvasPages(layoutCanvas(layoutCardsOf(canvasStep)(room.board), clusters.filter((c) => c.step === canvasStep))).length;
    // The cards are read from the board; these lists are what changes them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, room, clusters, context, candidates, keyResults, initiatives]);
}
