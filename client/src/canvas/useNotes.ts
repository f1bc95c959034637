import { useMemo } from 'react';
import type { CanvasNote } from './model.ts';

/**
 * Records as notes, each note kept as long as its record is (records keep their identity until
 * edited), so an edit re-renders one note. `version` names whatever else `toNote` reads (anonymity,
 * who may delete): a new version rebuilds every note.
 */
export function useNotes<R extends object>(records: readonly R[], toNote: (record: R) => CanvasNote, version: string): readonly CanvasNote[] {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the cache lives exactly as long as `version`
  const cache = useMemo(() => new WeakMap<R, CanvasNote>(), [version]);
  return useMemo(
    () =>
      records.map((record) => {
        let note = cache.get(record);
        if (!note) {
          note = toNote(record);
          cache.set(record, note);
        }
        return note;
      }),
    // toNote is rebuilt every render; what it reads is in `version` and `records`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, cache],
  );
}
