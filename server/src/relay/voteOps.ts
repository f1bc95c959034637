import { z } from 'zod';
import { recordIdSchema } from '@okr/shared/schema';
import { defineOp, type RoomOp } from './roomRequests.ts';

/**
 * Dot votes and confidence votes over the request channel (see roomVotes.ts). Every op is
 * repeatable: a ballot is sent whole, so a request re-sent after a reconnect changes nothing.
 */
export const voteOps: Record<string, RoomOp> = {
  castBallot: defineOp({
    roles: ['facilitator', 'participant'],
    args: z
      .object({
        roundId: z.string().min(1).max(64),
        dots: z.record(recordIdSchema, z.number().int().min(0).max(20)).refine((dots) => Object.keys(dots).length <= 200, 'too many cards'),
        /** A facilitator's proxy ballot for someone without a device, by name. */
        proxyFor: z.string().trim().min(1).max(60).optional(),
      })
      .strict(),
    run: ({ room, seat, peer }, args) => room.votes.castBallot(seat, peer.role, args),
  }),
  myVotes: defineOp({
    roles: ['facilitator', 'participant'],
    args: z.object({}).strict(),
    run: ({ room, seat }) => room.votes.myVotes(seat),
  }),
  votingProgress: defineOp({
    roles: ['facilitator'],
    args: z.object({}).strict(),
    run: ({ room }) => room.votes.progress(),
  }),
  castConfidence: defineOp({
    roles: ['facilitator', 'participant'],
    args: z.object({ keyResultId: recordIdSchema, value: z.number().min(0).max(1) }).strict(),
    run: ({ room, seat }, args) => room.votes.castConfidence(seat, args),
  }),
};
