import { useEffect } from 'react';
import type { BoardDoc } from '@okr/shared/doc';
import { PRIVATE_WRITING_STEPS, type PrivateWritingStep } from '@okr/shared/schema';
import { useRoom } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { RoomRequestError } from '../sync/roomRequests.ts';
import { useIdentity } from '../state/identity.ts';
import { useDrafts } from './draftStore.ts';
import { planHandOver } from './handOver.ts';
import { publishDue } from './publish.ts';
import { draftRoomKey } from './roomKey.ts';

/**
 * Keeps this device's private drafts in step with the facilitator. On an anonymous board it hands
 * them to the server as they are written (the server publishes them unsigned, shuffled, at the
 * reveal); otherwise it publishes them itself when a reveal it has not published for appears
 * (also after being offline through it). It tells the others how many drafts it holds while
 * writing is private, never what they say. Idempotent, so mounting it twice is harmless.
 */
export function useDraftPublisher(): void {
  const room = useRoom();
  const key = draftRoomKey(room.access);

  useEffect(() => {
    if (!key) return;
    /** Per step, the set last handed to the server on this visit ('' after a refusal: say it again). */
    const offered = new Map<PrivateWritingStep, string>();
    const handOver = (step: PrivateWritingStep, cards: readonly { id: string; text: string }[]) => {
      const signature = JSON.stringify(cards);
      if (offered.get(step) === signature) return;
      offered.set(step, signature);
      room.requests.request('offerCards', { step, cards }).then(
        () => {
          useDrafts.getState().markHandedOver(key, step, cards.map((card) => card.id));
          useDrafts.getState().setHandOverError(key, null);
        },
        (err: unknown) => {
          // Refused (the board is locked, say): the drafts stay here and are offered again on the next
          // change. Not when the server failed or never answered: that same set would fail on every
          // change anyone makes; a different set (an edit of a draft) is offered.
          const repeat = !(err instanceof RoomRequestError) || err.worthRepeating;
          if (repeat && offered.get(step) === signature) offered.set(step, '');
          useDrafts.getState().setHandOverError(key, err instanceof Error ? err.message : String(err));
        },
      );
    };
    const run = () => {
      // Act only on the server's view of the control document: before the first sync the
      // defaults (private, not anonymous, no reveals) would say nothing true.
      if (room.connectionStatus() !== 'connected') return;
      const state = room.control.state();
      const me = useIdentity.getState();
      for (const step of PRIVATE_WRITING_STEPS) {
        const drafts = useDrafts.getState().rooms[key]?.drafts[step] ?? [];
        const plan = planHandOver({ drafts, onBoard: (id) => isOnBoard(room.board, step, id), anonymous: state.anonymous, offeredBefore: offered.has(step) });
        if (plan.arrived.length > 0) useDrafts.getState().arrived(key, step, plan.arrived);
        if (plan.offer) handOver(step, plan.offer);
        // A locked board refuses participants' edits; publish once it is unlocked.
        if (!state.locked || room.isFacilitator) publishDue(room.board, room.control, key, step, { id: me.id, name: me.name });
      }
    };
    run();
    const offs = [room.control.subscribe(run), room.board.subscribe(run), room.onStatus(run), useDrafts.subscribe(run)];
    return () => offs.forEach((off) => off());
  }, [room, key]);

  useEffect(() => {
    if (!key) return;
    let last = '';
    // Counted only while a step's writing is private: a count that rose and fell as a card went
    // out while writing is open would say who wrote it.
    const tell = () => {
      const entry = useDrafts.getState().rooms[key];
      const drafts = Object.fromEntries(PRIVATE_WRITING_STEPS.map((step) => [step, room.control.isPrivateWriting(step) ? (entry?.drafts[step]?.length ?? 0) : 0]));
      const signature = JSON.stringify(drafts);
      if (signature === last) return;
      last = signature;
      updatePresence(room.awareness, { drafts });
    };
    tell();
    const offs = [useDrafts.subscribe(tell), room.control.subscribe(tell)];
    return () => offs.forEach((off) => off());
  }, [room, key]);
}

function isOnBoard(board: BoardDoc, step: PrivateWritingStep, id: string): boolean {
  return step === 'draft' ? board.candidates.has(id) : board.keyResults.has(id);
}
