import { z } from 'zod';
import { voterIdSchema } from './common.ts';

/**
 * One person's dots in one voting round: candidate id to number of dots. The server keeps ballots
 * in the room's private document (never synced), keyed by the voter's seat id, or `proxy-<name>`
 * for a proxy ballot the facilitator cast; the target is a candidate id (a cluster id later).
 */
export const ballotSchema = z.object({
  roundId: z.string().max(64),
  voterId: voterIdSchema,
  voterName: z.string().max(120),
  /** Cast by the facilitator for someone in the room without a device. */
  proxy: z.boolean().optional(),
  dots: z.record(z.string(), z.number().int().min(0).max(20)),
  /** When the server stored it (ms): after a merge of two seats, the later ballot is the one that counts. */
  castAt: z.number().int().min(0).optional(),
});
export type Ballot = z.infer<typeof ballotSchema>;
