import { useEffect } from 'react';
import { useRoom } from './RoomContext.tsx';
import { useRoomLinks, type RoomLinks } from './roomLinks.ts';

/** This board's links when this device holds its facilitator key (loaded once per board), else undefined. */
export function useFacilitatorLinks(): RoomLinks | undefined {
  const { access } = useRoom();
  const roomId = access.kind === 'facilitator' ? access.roomId : '';
  const key = access.kind === 'facilitator' ? access.key : '';
  const links = useRoomLinks((s) => s.byRoom[roomId]);
  const load = useRoomLinks((s) => s.load);
  const stale = links !== undefined && links.facilitatorKey !== key;
  useEffect(() => {
    if (roomId && (links === undefined || stale)) load(roomId, key).catch(() => undefined);
  }, [roomId, key, links, stale, load]);
  return stale ? undefined : links;
}
