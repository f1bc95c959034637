import { z } from 'zod';
import { voterIdSchema } from './common.ts';

/** One person's blind fist-of-five vote on a key result, 0 to 1. */
export const confidenceVoteSchema = z.object({
  keyResultId: z.string(),
  voterId: voterIdSchema,
  value: z.number().min(0).max(1),
});
export type ConfidenceVote = z.infer<typeof confidenceVoteSchema>;
