import { useEffect, useState } from 'react';
import type { SeatInfo } from '@okr/shared/protocol';
import type { RoomConnection } from '../sync/roomConnection.ts';
import { useIdentity } from '../state/identity.ts';

/**
 * This person's name in the room: their seat's, which the server keeps (docs/threat-model.md, "Names"). The
 * device's saved name only names a seat that has none yet (a first join); after that the seat's
 * name is adopted as it is, so a reload never undoes the facilitator's rename. Changing it again is
 * the person's own act (MyName), which wins as any later rename does.
 */
export function useSeatName(room: RoomConnection | null): string {
  const [name, setName] = useState('');
  useEffect(() => {
    if (!room || room.isViewer) return;
    return room.requests.on('seat', (data) => {
      const seat = data as SeatInfo;
      setName(seat.name);
      const saved = useIdentity.getState().name;
      if (!seat.name && saved) room.requests.request('nameMySeat', { name: saved }).catch(() => undefined);
    });
  }, [room]);
  return name;
}
