import type { ReviewContext } from '../context.ts';
import { BOARD_TARGET_ID, type FindingTargetKind } from '../finding.ts';

type Target = { kind: FindingTargetKind; id: string };

/** Findings about the objective as a whole land on it, or on the board while there is none. */
export function objectiveOrBoard(context: ReviewContext): Target {
  return context.objective ? { kind: 'objective', id: context.objective.id } : { kind: 'board', id: BOARD_TARGET_ID };
}

export const board: Target = { kind: 'board', id: BOARD_TARGET_ID };

/** A card's words, short enough to quote inside a one-line message. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}"`;
}
