import { z } from 'zod';
import { orderSchema, recordIdSchema } from './common.ts';

/** A candidate objective drafted in step 2. Authors stay out of the document when the board is anonymous. */
export const candidateSchema = z.object({
  id: recordIdSchema,
  text: z.string().max(500),
  authorId: z.string().max(64).optional(),
  authorName: z.string().max(120).optional(),
  /** The authors of cards merged into this one, so a merge keeps every author (none on an anonymous board). */
  mergedAuthors: z.array(z.object({ id: z.string().max(64).optional(), name: z.string().max(120) })).max(50).optional(),
  /** Candidates grouped together share the id of the cluster's first card. */
  clusterId: recordIdSchema.optional(),
  /** Set when the candidate is thrown away in the Park step (not parked, not chosen). */
  discarded: z.boolean().optional(),
  order: orderSchema,
});
export type Candidate = z.infer<typeof candidateSchema>;
