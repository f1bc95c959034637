import { z } from 'zod';

/** What each device tells the others through awareness; never stored. */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().max(64),
    name: z.string().max(120),
    color: z.string().max(32),
    role: z.enum(['facilitator', 'participant']),
  }),
  /** Private drafts per step: others see "Ana is writing (2)", never the text. */
  drafts: z.record(z.string(), z.number().int().min(0)).optional(),
  /**
   * The Yjs client id this device writes the board under, so a lost conflict can name its winner
   * ("Ben's change replaced your target"). Published only while the board is not anonymous: the
   * presence id itself is a separate random id, so nothing else ties a person to their writes.
   */
  writer: z.number().int().min(0).optional(),
  /** "I'm done" per step. */
  ready: z.record(z.string(), z.boolean()).optional(),
});
export type PresenceState = z.infer<typeof presenceSchema>;
