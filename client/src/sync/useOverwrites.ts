import { useCallback, useEffect, useState } from 'react';
import { onOverwritten, restoreMine, type Overwrite } from '@okr/shared/doc';
import { useRoom } from './RoomContext.tsx';
import { presenceSchema } from './presence.ts';

/** One lost conflict on this device, named for the person whose change won. */
export type OverwriteNotice = { key: number; overwrite: Overwrite; byName: string | null; error?: string };

/** Only the newest few stay on screen: older ones have most likely been dealt with. */
const MAX_NOTICES = 5;

/** This device's lost last-writer-wins conflicts, with restore and dismiss. */
export function useOverwrites() {
  const room = useRoom();
  const [notices, setNotices] = useState<readonly OverwriteNotice[]>([]);

  useEffect(() => {
    let next = 0;
    return onOverwritten(room.board, (overwrite) => {
      // Awareness is keyed by the same client id as the winning write, so it names the writer while they are here.
      const presence = presenceSchema.safeParse(room.awareness.getStates().get(overwrite.byClientId));
      const notice = { key: next++, overwrite, byName: presence.success ? presence.data.user.name : null };
      setNotices((current) => [...current, notice].slice(-MAX_NOTICES));
    });
  }, [room]);

  const dismiss = useCallback((key: number) => setNotices((current) => current.filter((n) => n.key !== key)), []);

  const restore = useCallback(
    (notice: OverwriteNotice) => {
      try {
        restoreMine(room.board, notice.overwrite);
        dismiss(notice.key);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setNotices((current) => current.map((n) => (n.key === notice.key ? { ...n, error: message } : n)));
      }
    },
    [room, dismiss],
  );

  return { notices, restore, dismiss };
}
