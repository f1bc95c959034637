import { z } from 'zod/mini';
import { nameField } from './displayName.ts';
import { canvasPosSchema, orderSchema, recordIdSchema } from './common.ts';

/** The steps whose cards are sticky notes on a canvas. */
export const CANVAS_STEPS = ['context', 'draft', 'brainstorm'] as const;
export type CanvasStep = (typeof CANVAS_STEPS)[number];

/**
 * A named cluster of notes on one step's canvas (affinity mapping). Membership lives on each card
 * (`clusterId`) and a member's `pos` counts from the cluster's corner, so moving the cluster with
 * its notes is one write (`pos` here), and someone moving a note inside it at the same time keeps
 * their move. Its size follows its notes, so nothing else needs storing.
 */
export const clusterSchema = z.object({
  id: recordIdSchema,
  step: z.enum(CANVAS_STEPS),
  name: nameField(120),
  pos: canvasPosSchema,
  order: orderSchema,
});
export type Cluster = z.infer<typeof clusterSchema>;
