import { useCallback, useEffect, useState } from 'react';
import { onOverwritten, restoreMine, type Overwrite } from '@okr/shared/doc';
import { useRoom } from './RoomContext.tsx';
import { parsePresence } from './presence.ts';

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
    // Names are remembered for the whole visit: the winner's presence may be gone by the time their
    // write arrives (they left, or this device dropped everyone's presence while it was offline).
    const names = new Map<number, string>();
    const remember = () =>
      room.awareness.getStates().forEach((state) => {
        const presence = parsePresence(state);
        if (presence?.writer !== undefined) names.set(presence.writer, presence.user.name);
      });
    remember();
    room.awareness.on('change', remember);
    const stop = onOverwritten(room.board, (overwrite) => {
      // Presence names the client id each person writes under, except on an anonymous board.
      const notice = { key: next++, overwrite, byName: names.get(overwrite.byClientId) ?? null };
      setNotices((current) => [...current, notice].slice(-MAX_NOTICES));
    });
    return () => {
      stop();
      room.awareness.off('change', remember);
    };
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
