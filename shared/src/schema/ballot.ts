import { z } from 'zod';
import { voterIdSchema } from './common.ts';

/** One person's dots in one voting round: candidate id to number of dots. */
export const ballotSchema = z.object({
  roundId: z.string().max(64),
  voterId: voterIdSchema,
  voterName: z.string().max(120),
  /** Cast by the facilitator for someone in the room without a device. */
  proxy: z.boolean().optional(),
  dots: z.record(z.string(), z.number().int().min(0).max(20)),
});
export type Ballot = z.infer<typeof ballotSchema>;
