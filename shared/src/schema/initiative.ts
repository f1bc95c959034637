import { z } from 'zod/mini';
import { nameField, textField } from './displayName.ts';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** An action the team takes to move key results; changed or killed without touching the OKR. */
export const initiativeSchema = z.object({
  id: recordIdSchema,
  title: textField(500),
  ownerName: z.optional(nameField(120)),
  /** OKR tools match people by email on import; the export carries it in `owner`. */
  ownerEmail: z.optional(z.email()),
  keyResultIds: z.array(recordIdSchema).check(z.maxLength(50)),
  /** Its place on the step's canvas; none until someone places it (laid out tidily on read). */
  pos: z.optional(canvasPosSchema),
  /** The canvas cluster it is in (a `Cluster` id). */
  clusterId: z.optional(recordIdSchema),
  order: orderSchema,
});
export type Initiative = z.infer<typeof initiativeSchema>;
