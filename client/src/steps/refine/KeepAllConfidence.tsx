import { useMemo } from 'react';
import type { KeyResult } from '@okr/shared/schema';
import { averagesToKeep } from '@okr/shared/workshop';
import { useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';

/** "Keep all": the facilitator keeps every revealed average at once instead of card by card. */
export function KeepAllConfidence({ keyResults, revealed }: { keyResults: readonly KeyResult[]; revealed: Readonly<Record<string, boolean>> }) {
  const room = useRoom();
  const { confidenceResults } = useControl();
  const toKeep = useMemo(() => averagesToKeep(keyResults, (id) => (confidenceResults[id]?.values ?? []).map((value) => ({ value })), revealed), [keyResults, confidenceResults, revealed]);
  if (toKeep.length < 2) return null;
  return (
    <button type="button" className="primary" onClick={() => room.board.keepConfidence(toKeep)}>
      Keep all ({toKeep.length})
    </button>
  );
}
