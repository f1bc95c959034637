import { z } from 'zod';
import { HeldCardError, MAX_CARD_TEXT, MAX_HELD_PER_WRITER } from '@okr/shared/doc';
import { PRIVATE_WRITING_STEPS, recordIdSchema } from '@okr/shared/schema';
import { isPrivateWriting } from '@okr/shared/workshop';
import { defineOp, RequestError, type RoomOp } from './roomRequests.ts';
import { sizeLimitApplies } from './writePolicy.ts';

/**
 * Anonymous cards over the request channel. `offerCards` hands the server everything this seat
 * has written for a step (what is missing is withdrawn), so repeating it after a lost answer is
 * harmless. The answer goes to the asking connection only; nothing about it reaches anyone else.
 */
export const anonymousOps: Record<string, RoomOp> = {
  offerCards: defineOp({
    roles: ['facilitator', 'participant'],
    args: z
      .object({
        step: z.enum(PRIVATE_WRITING_STEPS),
        cards: z.array(z.object({ id: recordIdSchema, text: z.string().max(MAX_CARD_TEXT) }).strict()).max(MAX_HELD_PER_WRITER),
      })
      .strict(),
    run: ({ peer, seat, room }, { step, cards }) => {
      // Drafts may be written while the board is locked (they are private); cards for the board may not.
      if (room.isLocked() && peer.role !== 'facilitator' && !isPrivateWriting(room.controlView().state(), step)) {
        throw new RequestError('locked', 'The board is locked by the facilitator; your cards wait on your device.');
      }
      try {
        const headroom = sizeLimitApplies(peer.role) ? room.boardHeadroom() : Infinity;
        const answer = room.anonymous.offer(seat.id, step, cards, headroom);
        // Stored before the answer leaves: a device that heard "held" may forget nothing it sent.
        room.privateDoc.flush();
        return answer;
      } catch (err) {
        if (err instanceof HeldCardError) throw new RequestError(err.code, err.message);
        throw err;
      }
    },
  }),
};
