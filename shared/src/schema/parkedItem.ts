import { z } from 'zod';
import { isoDateSchema, orderSchema, recordIdSchema } from './common.ts';

/** Something that matters but is not this quarter's focus: listed with a reason, never forgotten. */
export const parkedItemSchema = z.object({
  id: recordIdSchema,
  text: z.string().max(500),
  reason: z.string().max(500),
  ownerName: z.string().max(120).optional(),
  /** OKR tools match people by email on import; the export carries it in `owner`. */
  ownerEmail: z.email().optional(),
  revisitDate: isoDateSchema.optional(),
  /** The candidate objective this was parked from, if any. */
  candidateId: recordIdSchema.optional(),
  order: orderSchema,
});
export type ParkedItem = z.infer<typeof parkedItemSchema>;
