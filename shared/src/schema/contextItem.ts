import { z } from 'zod/mini';
import { textField } from './displayName.ts';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** The kinds of strategic context a workshop starts from. */
export const CONTEXT_KINDS = [
  'mission',
  'company-objective',
  'product-vision',
  'product-strategy',
  'pre-work',
  'metric',
  'constraint',
] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const CONTEXT_KIND_LABELS: Record<ContextKind, string> = {
  mission: 'Mission',
  'company-objective': 'Company objective',
  'product-vision': 'Product vision',
  'product-strategy': 'Product strategy',
  'pre-work': 'Pre-work',
  metric: 'Metric',
  constraint: 'Constraint',
};

export const contextItemSchema = z.object({
  id: recordIdSchema,
  kind: z.enum(CONTEXT_KINDS),
  text: textField(2000),
  link: z.optional(z.url().check(z.maxLength(2000))),
  /** Its place on the step's canvas; none until someone places it (laid out tidily on read). */
  pos: z.optional(canvasPosSchema),
  /** The canvas cluster it is in (a `Cluster` id). */
  clusterId: z.optional(recordIdSchema),
  order: orderSchema,
});
export type ContextItem = z.infer<typeof contextItemSchema>;
