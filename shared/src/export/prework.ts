import { z } from 'zod/mini';
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
    workshop: z.optional(
      z.object({
        title: z.optional(workshopSchema.shape.title),
        team: workshopSchema.shape.team,
        cycle: z.optional(
          z.object({
            label: workshopSchema.shape.cycleLabel,
            start: z.optional(isoDateSchema),
            end: z.optional(isoDateSchema),
          }),
        ),
        checkInCadence: z.optional(z.enum(CHECK_IN_CADENCES)),
        firstCheckIn: z.optional(isoDateSchema),
      }),
    ),
    context: z.array(z.object({ kind: z.enum(CONTEXT_KINDS), text: contextItemSchema.shape.text, link: contextItemSchema.shape.link })).check(z.maxLength(200)),
    candidates: z.optional(z.array(z.object({ text: candidateSchema.shape.text })).check(z.maxLength(200))),
  })
  .check(
    z.meta({
      title: 'OKR workshop board pre-work, version 1',
      description: 'Context (and optionally first candidate objectives) to start a workshop board with.',
    }),
  );

export type PreworkFile = z.infer<typeof preworkFileSchema>;
