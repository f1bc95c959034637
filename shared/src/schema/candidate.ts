import { z } from 'zod/mini';
import { nameField, textField } from './displayName.ts';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** A candidate objective drafted in step 2. Authors stay out of the document when the board is anonymous. */
export const candidateSchema = z.object({
  id: recordIdSchema,
  text: textField(500),
  authorId: z.optional(z.string().check(z.maxLength(64))),
  authorName: z.optional(nameField(120)),
  /** The authors of cards merged into this one, so a merge keeps every author (none on an anonymous board). */
  mergedAuthors: z.optional(z.array(z.object({ id: z.optional(z.string().check(z.maxLength(64))), name: nameField(120) })).check(z.maxLength(50))),
  /**
   * The group it is in: a canvas `Cluster` id, or (groups made before the canvas, and "Group with…"
   * on two loose cards) the id of the group's first card, which the canvas shows as an unnamed group.
   */
  clusterId: z.optional(recordIdSchema),
  /** Its place on the Draft canvas; none until someone places it (laid out tidily on read). */
  pos: z.optional(canvasPosSchema),
  /** Set when the candidate is thrown away in the Park step (not parked, not chosen). */
  discarded: z.optional(z.boolean()),
  order: orderSchema,
});
export type Candidate = z.infer<typeof candidateSchema>;
