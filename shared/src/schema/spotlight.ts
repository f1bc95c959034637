import { z } from 'zod/mini';

/** What the facilitator can put in the spotlight: any card, a cluster of candidates, a key result or a finding. */
export const SPOTLIGHT_KINDS = ['context', 'candidate', 'cluster', 'parked', 'keyResult', 'initiative', 'finding'] as const;
export type SpotlightKind = (typeof SPOTLIGHT_KINDS)[number];

/**
 * The one thing the room is looking at, until the facilitator clears it. `id` is the record's id,
 * a cluster's id, or a finding's key (`rule:target`), which the review recomputes on every screen.
 */
export const spotlightSchema = z.object({
  kind: z.enum(SPOTLIGHT_KINDS),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type Spotlight = z.infer<typeof spotlightSchema>;
