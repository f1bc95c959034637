import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { RecordCollection } from '@okr/shared/doc';
import { useRoom } from '../sync/RoomContext.tsx';
import { useCanvasStep } from './CanvasStepContext.ts';
import type { CanvasNote, NoteMakers, NoteRef, RecordOf } from './model.ts';

type AnyRecord = RecordOf<NoteRef['collection']>;

/**
 * One note as the step draws it, from its own card: re-renders when that card changes (added,
 * edited, removed) and for no other card; undefined once the card is gone.
 */
export function useCanvasNote({ collection, id }: NoteRef): CanvasNote | undefined {
  const room = useRoom();
  const { makers } = useCanvasStep();
  const records = room.board[collection] as RecordCollection<AnyRecord>;
  const subscribe = useCallback((cb: () => void) => records.observeRecord(id, cb), [records, id]);
  const record = useSyncExternalStore(subscribe, () => records.get(id));
  return useMemo(() => (record ? makeNote(makers, collection, record) : undefined), [makers, collection, record]);
}

function makeNote(makers: NoteMakers, collection: NoteRef['collection'], record: AnyRecord): CanvasNote {
  const make = makers[collection] as ((record: AnyRecord) => CanvasNote) | undefined;
  if (!make) throw new Error(`This canvas draws no ${collection}: its step gave no way to make them notes.`);
  return make(record);
}
