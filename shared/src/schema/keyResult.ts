import { z } from 'zod';
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
  title: z.string().max(500),
  metricName: z.string().max(200).optional(),
  unit: z.string().max(40).optional(),
  type: z.enum(KR_TYPES).optional(),
  direction: z.enum(KR_DIRECTIONS).optional(),
  baseline: z.number().finite().optional(),
  target: z.number().finite().optional(),
  deadline: isoDateSchema.optional(),
  ownerName: z.string().max(120).optional(),
  ownerEmail: z.email().optional(),
  /** 0 to 1; the average of the room's blind votes once the facilitator reveals them. */
  confidence: z.number().min(0).max(1).optional(),
  leadLag: z.enum(LEAD_LAG).optional(),
  authorId: z.string().max(64).optional(),
  /** Its place on the step's canvas; none until someone places it (laid out tidily on read). */
  pos: canvasPosSchema.optional(),
  /** The canvas cluster it is in (a `Cluster` id). */
  clusterId: recordIdSchema.optional(),
  order: orderSchema,
});
export type KeyResult = z.infer<typeof keyResultSchema>;
