import { z } from 'zod/mini';
import { voterIdSchema } from './common.ts';

/** One person's blind fist-of-five vote on a key result, 0 to 1. */
export const confidenceVoteSchema = z.object({
  keyResultId: z.string(),
  voterId: voterIdSchema,
  value: z.number().check(z.minimum(0), z.maximum(1)),
});
export type ConfidenceVote = z.infer<typeof confidenceVoteSchema>;
