import { z } from 'zod';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** A candidate objective drafted in step 2. Authors stay out of the document when the board is anonymous. */
export const candidateSchema = z.object({
  id: recordIdSchema,
  text: z.string().max(500),
  authorId: z.string().max(64).optional(),
  authorName: z.string().max(120).optional(),
  /** The authors of cards merged into this one, so a merge keeps every author (none on an anonymous board). */
  mergedAuthors: z.array(z.object({ id: z.string().max(64).optional(), name: z.string().max(120) })).max(50).optional(),
  /**
   * The group it is in: a canvas `Cluster` id, or (groups made before the canvas, and "Group with…"
   * on two loose cards) the id of the group's first card, which the canvas shows as an unnamed group.
   */
  clusterId: recordIdSchema.optional(),
  /** Its place on the Draft canvas; none until someone places it (laid out tidily on read). */
  pos: canvasPosSchema.optional(),
  /** Set when the candidate is thrown away in the Park step (not parked, not chosen). */
  discarded: z.boolean().optional(),
  order: orderSchema,
});
export type Candidate = z.infer<typeof candidateSchema>;
