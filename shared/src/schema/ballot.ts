import { z } from 'zod/mini';
import { nameField } from './displayName.ts';
import { voterIdSchema } from './common.ts';

/**
 * One person's dots in one voting round: candidate id to number of dots. The server keeps ballots
 * in the room's private document (never synced), keyed by the voter's seat id, or `proxy-<name>`
 * for a proxy ballot the facilitator cast; the target is a candidate id (a cluster id later).
 */
export const ballotSchema = z.object({
  roundId: z.string().check(z.maxLength(64)),
  voterId: voterIdSchema,
  voterName: nameField(120),
  /** Cast by the facilitator for someone in the room without a device. */
  proxy: z.optional(z.boolean()),
  dots: z.record(z.string(), z.int().check(z.minimum(0), z.maximum(20))),
  /** When the server stored it (ms): after a merge of two seats, the later ballot is the one that counts. */
  castAt: z.optional(z.int().check(z.minimum(0))),
});
export type Ballot = z.infer<typeof ballotSchema>;
