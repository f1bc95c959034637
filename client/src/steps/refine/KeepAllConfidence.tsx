import type { KeyResult } from '@okr/shared/schema';
import { averagesToKeep, type KeptConfidence } from '@okr/shared/workshop';
import { useBoard } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';

const sameKeeps = (a: readonly KeptConfidence[], b: readonly KeptConfidence[]) =>
  a.length === b.length && a.every((kept, index) => kept.keyResultId === b[index]?.keyResultId && kept.confidence === b[index]?.confidence);

/** "Keep all": the facilitator keeps every revealed average at once instead of card by card. */
export function KeepAllConfidence({ keyResults, revealed }: { keyResults: readonly KeyResult[]; revealed: Readonly<Record<string, boolean>> }) {
  const room = useRoom();
  const toKeep = useBoard((board) => averagesToKeep(keyResults, (id) => board.confidenceVotes(id), revealed), sameKeeps);
  if (toKeep.length < 2) return null;
  return (
    <button type="button" className="primary" onClick={() => room.board.keepConfidence(toKeep)}>
      Keep all ({toKeep.length})
    </button>
  );
}
