import { useMemo } from 'react';
import { useBoard, useControl } from '../sync/hooks.ts';
import { useBoardReview } from '../steps/refine/useReview.ts';
import { spotlitItem, type SpotlightBoard, type SpotlitItem } from './spotlightItems.ts';

/** The board as the spotlight reads it: every card list and the review's findings. */
export function useSpotlightBoard(): SpotlightBoard {
  const context = useBoard((board) => board.contextItems.list());
  const candidates = useBoard((board) => board.candidates.list());
  const parked = useBoard((board) => board.parked.list());
  const keyResults = useBoard((board) => board.keyResults.list());
  const initiatives = useBoard((board) => board.initiatives.list());
  const findings = useBoardReview();
  return useMemo(() => ({ context, candidates, parked, keyResults, initiatives, findings }), [context, candidates, parked, keyResults, initiatives, findings]);
}

/** The spotlit thing now, or null when there is none or it left the board. */
export function useSpotlit(): SpotlitItem | null {
  const { spotlight } = useControl();
  const board = useSpotlightBoard();
  return useMemo(() => (spotlight ? spotlitItem(spotlight, board) : null), [spotlight, board]);
}
