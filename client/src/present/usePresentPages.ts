import { useMemo } from 'react';
import type { StepId } from '@okr/shared/schema';
import { assignLanes, groupCandidates, presentPages, shownPage, type PresentCounts, type PresentPage } from '@okr/shared/workshop';
import { useBoard, useControl } from '../sync/hooks.ts';

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

export function countsOf(content: ProjectorContent): PresentCounts {
  return {
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
  const { presentPage } = useControl();
  const pages = useMemo(() => presentPages(step, countsOf(content)), [step, content]);
  return { pages, index: shownPage(pages.length, presentPage), content };
}
