import { z } from 'zod/mini';
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
const perStepCountSchema = z.partialRecord(z.enum(PRIVATE_WRITING_STEPS), z.int().check(z.minimum(0)));

/** Facilitator-owned state: the server lets only a facilitator's connection change this document. */
export const controlStateSchema = z.object({
  step: z.catch(z.enum(STEP_IDS), 'context'),
  /** Moves between steps so far: "I'm done" is given per visit of a step (see `readyKey`), so no count outlives its visit. */
  stepVisit: z.catch(z.int().check(z.minimum(0)), 0),
  timer: z.catch(timerSchema, { status: 'idle', durationMs: 0, remainingMs: 0 }),
  voting: z.catch(votingSchema, { roundId: '', status: 'idle', dotsPerPerson: 3, capPerItem: 2 }),
  /** Silent writing on or off, per step that has it (on by default: see `isPrivateWriting`). */
  privateWriting: z.catch(perStepFlagSchema, {}),
  /** How many reveals each step has had; a client publishes its drafts when this goes up. */
  reveals: z.catch(perStepCountSchema, {}),
  anonymous: z.catch(z.boolean(), false),
  locked: z.catch(z.boolean(), false),
  objective: z.catch(z.nullable(objectiveSchema), null),
  /**
   * The participant link, published by the facilitator so the projector can show it as a QR code.
   * Null hides it: viewers then learn nothing about the room id.
   */
  joinUrl: z.catch(z.nullable(z.url().check(z.maxLength(500))), null),
  /** The facilitator's discussion notes, per step. */
  notes: z.catch(z.partialRecord(z.enum(STEP_IDS), stepNoteSchema), {}),
  /** Key results whose blind confidence votes are revealed. */
  confidenceRevealed: z.catch(z.record(z.string(), z.boolean()), {}),
  /** Written by the server only (ballots are kept on the server): the last closed round's result. */
  voteResult: z.catch(z.nullable(voteResultSchema), null),
  /** Written by the server only while a round is open: how many have voted, of how many. */
  votingCount: z.catch(z.nullable(votingCountSchema), null),
  /** Written by the server only: how many blind confidence votes each key result has (counts, not values). */
  confidenceCounts: z.catch(z.record(z.string(), z.int().check(z.minimum(0))), {}),
  /** Written by the server only, at reveal: each revealed key result's votes and their mean. */
  confidenceResults: z.catch(z.record(z.string(), confidenceResultSchema), {}),
  /** "Follow me": everyone's canvas shows what the facilitator's shows (their view is in their presence). */
  followMe: z.catch(z.boolean(), false),
  /** The projector draws everyone's cursors on a canvas (off by default: a wall of arrows distracts the room). */
  projectorCursors: z.catch(z.boolean(), false),
  /** The page of the current step (or of the Summary) the projector shows; every move starts at the first. */
  presentPage: z.catch(z.int().check(z.minimum(0), z.maximum(999)), 0),
  /** What the projector shows large and every screen marks, until the facilitator clears it. */
  spotlight: z.catch(z.nullable(spotlightSchema), null),
  /** The facilitator's timeboxes, in minutes per step. */
  agenda: z.catch(agendaSchema, {}),
  /** Every move of the group, with its time: the actual time spent per step is read from it. */
  stepLog: z.catch(stepLogSchema, []),
});
export type ControlState = z.infer<typeof controlStateSchema>;

export const DEFAULT_CONTROL: ControlState = controlStateSchema.parse({});
