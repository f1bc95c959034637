import { useEffect } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { readPresence } from '../sync/presence.ts';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';

/**
 * On the facilitator's device, keeps everyone's last-seen draft counts in the board's UI store for
 * the session, so Reveal can name who left with drafts not yet revealed. Presence stays the only
 * home of the live counts; this is only its memory of people who are gone.
 */
export function useRememberDrafts(): void {
  const room = useRoom();
  const ui = useBoardUiStore();
  useEffect(() => {
    if (!room.isFacilitator) return;
    const see = () => ui.getState().seePresence(readPresence(room.awareness, room.mySeat()?.id));
    see();
    room.awareness.on('change', see);
    return () => room.awareness.off('change', see);
  }, [room, ui]);
}
