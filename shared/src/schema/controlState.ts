import { z } from 'zod';
import { agendaSchema, stepLogSchema } from './agenda.ts';
import { spotlightSchema } from './spotlight.ts';
import {
  confidenceResultSchema,
  objectiveSchema,
  PRIVATE_WRITING_STEPS,
  STEP_IDS,
  stepNoteSchema,
  timerSchema,
  voteResultSchema,
  votingCountSchema,
  votingSchema,
} from './facilitation.ts';

const perStepFlagSchema = z.partialRecord(z.enum(PRIVATE_WRITING_STEPS), z.boolean());
const perStepCountSchema = z.partialRecord(z.enum(PRIVATE_WRITING_STEPS), z.number().int().min(0));

/** Facilitator-owned state: the server lets only a facilitator's connection change this document. */
export const controlStateSchema = z.object({
  step: z.enum(STEP_IDS).catch('context'),
  /** Moves between steps so far: "I'm done" is given per visit of a step (see `readyKey`), so no count outlives its visit. */
  stepVisit: z.number().int().min(0).catch(0),
  timer: timerSchema.catch({ status: 'idle', durationMs: 0, remainingMs: 0 }),
  voting: votingSchema.catch({ roundId: '', status: 'idle', dotsPerPerson: 3, capPerItem: 2 }),
  /** Silent writing on or off, per step that has it (on by default: see `isPrivateWriting`). */
  privateWriting: perStepFlagSchema.catch({}),
  /** How many reveals each step has had; a client publishes its drafts when this goes up. */
  reveals: perStepCountSchema.catch({}),
  anonymous: z.boolean().catch(false),
  locked: z.boolean().catch(false),
  objective: objectiveSchema.nullable().catch(null),
  /**
   * The participant link, published by the facilitator so the projector can show it as a QR code.
   * Null hides it: viewers then learn nothing about the room id.
   */
  joinUrl: z.url().max(500).nullable().catch(null),
  /** The facilitator's discussion notes, per step. */
  notes: z.partialRecord(z.enum(STEP_IDS), stepNoteSchema).catch({}),
  /** Key results whose blind confidence votes are revealed. */
  confidenceRevealed: z.record(z.string(), z.boolean()).catch({}),
  /** Written by the server only (ballots are kept on the server): the last closed round's result. */
  voteResult: voteResultSchema.nullable().catch(null),
  /** Written by the server only while a round is open: how many have voted, of how many. */
  votingCount: votingCountSchema.nullable().catch(null),
  /** Written by the server only: how many blind confidence votes each key result has (counts, not values). */
  confidenceCounts: z.record(z.string(), z.number().int().min(0)).catch({}),
  /** Written by the server only, at reveal: each revealed key result's votes and their mean. */
  confidenceResults: z.record(z.string(), confidenceResultSchema).catch({}),
  /** "Follow me": everyone's canvas shows what the facilitator's shows (their view is in their presence). */
  followMe: z.boolean().catch(false),
  /** The projector draws everyone's cursors on a canvas (off by default: a wall of arrows distracts the room). */
  projectorCursors: z.boolean().catch(false),
  /** The page of the current step (or of the Summary) the projector shows; every move starts at the first. */
  presentPage: z.number().int().min(0).max(999).catch(0),
  /** What the projector shows large and every screen marks, until the facilitator clears it. */
  spotlight: spotlightSchema.nullable().catch(null),
  /** The facilitator's timeboxes, in minutes per step. */
  agenda: agendaSchema.catch({}),
  /** Every move of the group, with its time: the actual time spent per step is read from it. */
  stepLog: stepLogSchema.catch([]),
});
export type ControlState = z.infer<typeof controlStateSchema>;

export const DEFAULT_CONTROL: ControlState = controlStateSchema.parse({});
