import { z } from 'zod';
import { CHECK_IN_CADENCES, CONTEXT_KINDS, candidateSchema, contextItemSchema, isoDateSchema, workshopSchema } from '../schema/index.ts';

/*
 * The pre-work file: what a facilitator (or a script) prepares before the workshop, so the board
 * opens with its context and perhaps first candidate objectives. Hand-written, so everything but
 * the context list is optional. Documented in docs/export-format.md; JSON Schema in
 * shared/schema/okr-prework.v1.schema.json.
 */

export const PREWORK_FORMAT_ID = 'okr-workshop-board/prework';
export const PREWORK_VERSION = 1;

export const preworkFileSchema = z
  .object({
    format: z.literal(PREWORK_FORMAT_ID),
    version: z.literal(PREWORK_VERSION),
    workshop: z
      .object({
        title: z.optional(workshopSchema.shape.title),
        team: workshopSchema.shape.team,
        cycle: z
          .object({
            label: workshopSchema.shape.cycleLabel,
            start: z.optional(isoDateSchema),
            end: z.optional(isoDateSchema),
          })
          .optional(),
        checkInCadence: z.enum(CHECK_IN_CADENCES).optional(),
        firstCheckIn: z.optional(isoDateSchema),
      })
      .optional(),
    context: z
      .array(z.object({ kind: z.enum(CONTEXT_KINDS), text: contextItemSchema.shape.text, link: contextItemSchema.shape.link }))
      .max(200),
    candidates: z.array(z.object({ text: candidateSchema.shape.text })).max(200).optional(),
  })
  .meta({
    title: 'OKR workshop board pre-work, version 1',
    description: 'Context (and optionally first candidate objectives) to start a workshop board with.',
  });

export type PreworkFile = z.infer<typeof preworkFileSchema>;
