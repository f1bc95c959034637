import { useMemo } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useIdentity } from '../state/identity.ts';
import { useDrafts } from './draftStore.ts';
import { draftRoomKey } from './roomKey.ts';

const NONE: readonly string[] = [];

/**
 * Whether a card is this person's: their author id on the board, or an id this device published
 * (which also works on an anonymous board, where no author is stored).
 */
export function useIsMine(): (card: { id: string; authorId?: string }) => boolean {
  const room = useRoom();
  const key = draftRoomKey(room.access);
  const meId = useIdentity((s) => s.id);
  const mine = useDrafts((s) => (key ? (s.rooms[key]?.mine ?? NONE) : NONE));
  return useMemo(() => {
    const ids = new Set(mine);
    return (card) => !room.isViewer && (ids.has(card.id) || card.authorId === meId);
  }, [mine, meId, room.isViewer]);
}
