import { z } from 'zod';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** An action the team takes to move key results; changed or killed without touching the OKR. */
export const initiativeSchema = z.object({
  id: recordIdSchema,
  title: z.string().max(500),
  ownerName: z.string().max(120).optional(),
  /** OKR tools match people by email on import; the export carries it in `owner`. */
  ownerEmail: z.email().optional(),
  keyResultIds: z.array(recordIdSchema).max(50),
  /** Its place on the step's canvas; none until someone places it (laid out tidily on read). */
  pos: canvasPosSchema.optional(),
  /** The canvas cluster it is in (a `Cluster` id). */
  clusterId: recordIdSchema.optional(),
  order: orderSchema,
});
export type Initiative = z.infer<typeof initiativeSchema>;
