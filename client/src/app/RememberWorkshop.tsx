import { useEffect } from 'react';
import { useBoard, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useMyWorkshops } from '../state/myWorkshops.ts';

/** Keeps this board in the home page's "Your workshops" (title, step, key) while its facilitator has it open. */
export function RememberWorkshop() {
  const room = useRoom();
  const title = useBoard((board) => board.workshop().title);
  const { step } = useControl();
  const remember = useMyWorkshops((s) => s.remember);
  const access = room.access;
  const roomId = access.kind === 'facilitator' ? access.roomId : '';
  const key = access.kind === 'facilitator' ? access.key : '';
  useEffect(() => {
    if (!roomId) return;
    remember({ roomId, facilitatorKey: key, step, ...(title ? { title } : {}) });
  }, [remember, roomId, key, title, step]);
  return null;
}
