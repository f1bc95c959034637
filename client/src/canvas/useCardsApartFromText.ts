import { TEXT_FIELDS, type CanvasCollection } from '@okr/shared/doc';
import { useBoard } from '../sync/hooks.ts';
import { sameApartFrom } from './apartFromText.ts';
import type { RecordOf } from './model.ts';

const SAME: { [C in CanvasCollection]: ReturnType<typeof sameApartFrom> } = {
  contextItems: sameApartFrom(TEXT_FIELDS.contextItems),
  candidates: sameApartFrom(TEXT_FIELDS.candidates),
  keyResults: sameApartFrom(TEXT_FIELDS.keyResults),
  initiatives: sameApartFrom(TEXT_FIELDS.initiatives),
};

/**
 * A collection's cards for a step's canvas, re-rendering when anything but their text changes.
 * Their text may be older than the board's: the canvas lays out, colours and counts with these,
 * and each note reads its own card (useCanvasNote).
 */
export function useCardsApartFromText<C extends CanvasCollection>(collection: C): readonly RecordOf<C>[] {
  return useBoard((board) => board[collection].list() as readonly RecordOf<C>[], SAME[collection]);
}
