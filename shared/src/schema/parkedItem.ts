import { z } from 'zod/mini';
import { nameField, textField } from './displayName.ts';
import { isoDateSchema, orderSchema, recordIdSchema } from './common.ts';

/** Something that matters but is not this quarter's focus: listed with a reason, never forgotten. */
export const parkedItemSchema = z.object({
  id: recordIdSchema,
  text: textField(500),
  reason: textField(500),
  ownerName: z.optional(nameField(120)),
  /** OKR tools match people by email on import; the export carries it in `owner`. */
  ownerEmail: z.optional(z.email()),
  revisitDate: z.optional(isoDateSchema),
  /** The candidate objective this was parked from, if any. */
  candidateId: z.optional(recordIdSchema),
  order: orderSchema,
});
export type ParkedItem = z.infer<typeof parkedItemSchema>;
