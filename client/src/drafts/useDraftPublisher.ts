import { useEffect } from 'react';
import { PRIVATE_WRITING_STEPS } from '@okr/shared/schema';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useIdentity } from '../state/identity.ts';
import { useDrafts } from './draftStore.ts';
import { publishDue } from './publish.ts';
import { draftRoomKey } from './roomKey.ts';

/**
 * Keeps this device's private drafts in step with the facilitator: publishes them when a reveal
 * it has not published for appears (also after being offline through it), and tells the others
 * how many drafts it holds, never what they say. Idempotent, so mounting it twice is harmless.
 */
export function useDraftPublisher(): void {
  const room = useRoom();
  const key = draftRoomKey(room.access);

  useEffect(() => {
    if (!key) return;
    const run = () => {
      // Act only on the server's view of the control document: before the first sync the
      // defaults (private, no reveals) would say nothing true.
      if (room.connectionStatus() !== 'connected') return;
      // A locked board refuses participants' edits; publish once it is unlocked.
      if (room.control.state().locked && !room.isFacilitator) return;
      const me = useIdentity.getState();
      for (const step of PRIVATE_WRITING_STEPS) publishDue(room.board, room.control, key, step, { id: me.id, name: me.name });
    };
    run();
    const offs = [room.control.subscribe(run), room.onStatus(run), useDrafts.subscribe(run)];
    return () => offs.forEach((off) => off());
  }, [room, key]);

  useEffect(() => {
    if (!key) return;
    let last = '';
    const tell = () => {
      const entry = useDrafts.getState().rooms[key];
      const drafts = Object.fromEntries(PRIVATE_WRITING_STEPS.map((step) => [step, entry?.drafts[step]?.length ?? 0]));
      const signature = JSON.stringify(drafts);
      if (signature === last) return;
      last = signature;
      updatePresence(room.awareness, { drafts });
    };
    tell();
    return useDrafts.subscribe(tell);
  }, [room, key]);
}
