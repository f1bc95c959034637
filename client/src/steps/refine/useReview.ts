import { useMemo } from 'react';
import type { Finding } from '@okr/shared/review';
import type { Workshop } from '@okr/shared/schema';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { reviewBoard } from './reviewBoard.ts';

/** Dates without a year are read in this one, as `buildExport` does at export time. */
export const REVIEW_YEAR = new Date().getUTCFullYear();

/** The workshop record; `board.workshop()` returns the same object until it changes. */
export function useWorkshop(): Workshop {
  return useBoard((board) => board.workshop());
}

/** Dismissed finding keys and who dismissed each. */
export function useDismissals(): ReadonlyMap<string, string> {
  return useBoard((board) => board.dismissedBy());
}

/**
 * Every finding on the board, recomputed only when a list it reads changes (each collection's
 * `list()` is cached, so a confidence vote or a presence change does not re-run the review).
 */
export function useBoardReview(): readonly Finding[] {
  const workshop = useWorkshop();
  const context = useBoard((board) => board.contextItems.list());
  const keyResults = useBoard((board) => board.keyResults.list());
  const initiatives = useBoard((board) => board.initiatives.list());
  const parked = useBoard((board) => board.parked.list());
  const candidates = useBoard((board) => board.candidates.list());
  const { objective } = useControl();
  return useMemo(
    () => reviewBoard({ workshop, context, objective, keyResults, initiatives, parked, candidates }, REVIEW_YEAR),
    [workshop, context, objective, keyResults, initiatives, parked, candidates],
  );
}
