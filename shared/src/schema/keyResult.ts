import { z } from 'zod/mini';
import { nameField, textField } from './displayName.ts';
import { canvasPosSchema, isoDateSchema, orderSchema, recordIdSchema } from './common.ts';

export const KR_TYPES = ['metric', 'milestone', 'binary'] as const;
export type KrType = (typeof KR_TYPES)[number];

export const KR_DIRECTIONS = ['increase', 'decrease', 'at-least', 'at-most'] as const;
export type KrDirection = (typeof KR_DIRECTIONS)[number];
export const KR_DIRECTION_LABELS: Record<KrDirection, string> = {
  increase: 'Increase',
  decrease: 'Decrease',
  'at-least': 'Stay at or above',
  'at-most': 'Stay at or below',
};

export const LEAD_LAG = ['leading', 'lagging'] as const;
export type LeadLag = (typeof LEAD_LAG)[number];

/** A measurable outcome for THE objective. Every field but the title is optional while it is a draft. */
export const keyResultSchema = z.object({
  id: recordIdSchema,
  title: textField(500),
  metricName: z.optional(textField(200)),
  unit: z.optional(z.string().check(z.maxLength(40))),
  type: z.optional(z.enum(KR_TYPES)),
  direction: z.optional(z.enum(KR_DIRECTIONS)),
  baseline: z.optional(z.number()),
  target: z.optional(z.number()),
  deadline: z.optional(isoDateSchema),
  ownerName: z.optional(nameField(120)),
  ownerEmail: z.optional(z.email()),
  /** 0 to 1; the average of the room's blind votes once the facilitator reveals them. */
  confidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  leadLag: z.optional(z.enum(LEAD_LAG)),
  authorId: z.optional(z.string().check(z.maxLength(64))),
  /** Its place on the step's canvas; none until someone places it (laid out tidily on read). */
  pos: z.optional(canvasPosSchema),
  /** The canvas cluster it is in (a `Cluster` id). */
  clusterId: z.optional(recordIdSchema),
  order: orderSchema,
});
export type KeyResult = z.infer<typeof keyResultSchema>;
