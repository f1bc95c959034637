import { useMemo } from 'react';
import type { Finding } from '@okr/shared/review';
import type { Workshop } from '@okr/shared/schema';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { reviewBoard } from './reviewBoard.ts';

/** Dates without a year are read in this one, as `buildExport` does at export time. */
export const REVIEW_YEAR = new Date().getUTCFullYear();

/** The workshop record, kept equal while its fields are (`board.workshop()` builds a new object each read). */
export function useWorkshop(): Workshop {
  return useBoard((board) => board.workshop(), sameFields);
}

/** Dismissed finding keys and who dismissed each. */
export function useDismissals(): ReadonlyMap<string, string> {
  return useBoard((board) => board.dismissedBy(), sameMap);
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

export function sameFields<T extends object>(a: T, b: T): boolean {
  const keysA = Object.keys(a) as (keyof T)[];
  return keysA.length === Object.keys(b).length && keysA.every((key) => Object.is(a[key], b[key]));
}

function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.has(key) || b.get(key) !== value) return false;
  return true;
}
