import { useCallback, useRef, useSyncExternalStore } from 'react';
import { buildExport, type OkrExport } from '@okr/shared/export';
import { useRoom } from '../../sync/RoomContext.tsx';
import type { RoomConnection } from '../../sync/roomConnection.ts';

export type ExportResult = { ok: true; file: OkrExport } | { ok: false; error: string };

/** The board as `buildExport` makes it, the same function the download, the server and the CLI use. */
export function exportNow(room: RoomConnection): ExportResult {
  try {
    return { ok: true, file: buildExport(room.board, room.control) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The export, rebuilt after each change to either document while the summary is on screen. */
export function useExport(): ExportResult {
  const room = useRoom();
  const cache = useRef<ExportResult | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const rebuild = () => {
        cache.current = exportNow(room);
        onChange();
      };
      // A change between the first render and this subscription would otherwise go unseen.
      cache.current = exportNow(room);
      const offBoard = room.board.subscribe(rebuild);
      const offControl = room.control.subscribe(rebuild);
      return () => {
        offBoard();
        offControl();
      };
    },
    [room],
  );
  return useSyncExternalStore(subscribe, () => (cache.current ??= exportNow(room)));
}
