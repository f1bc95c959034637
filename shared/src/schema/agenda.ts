import { z } from 'zod/mini';
import { STEP_IDS } from './facilitation.ts';

/** Longest timebox one step may have, in minutes: a whole day's workshop. */
export const MAX_TIMEBOX_MINUTES = 480;

/** The facilitator's plan: minutes per step. A step left out has its default (see `plannedMinutes`). */
export const agendaSchema = z.partialRecord(z.enum(STEP_IDS), z.int().check(z.minimum(1), z.maximum(MAX_TIMEBOX_MINUTES)));
export type Agenda = z.infer<typeof agendaSchema>;

/** Moves kept in the step log; a workshop makes a few dozen, so the oldest going is no real loss. */
export const MAX_STEP_LOG = 500;

/** One move of the group: to `step`, at `at` (server ms). A visit lasts until the next move. */
export const stepLogEntrySchema = z.object({ step: z.enum(STEP_IDS), at: z.int().check(z.minimum(0)) });
export type StepLogEntry = z.infer<typeof stepLogEntrySchema>;
export const stepLogSchema = z.array(stepLogEntrySchema).check(z.maxLength(MAX_STEP_LOG));
