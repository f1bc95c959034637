import { z } from 'zod/mini';
import { nameField, textField } from './displayName.ts';
import { recordIdSchema } from './common.ts';

/** The workshop's steps in order; `summary` is the screen after the sixth. */
export const STEP_IDS = ['context', 'draft', 'pick', 'park', 'brainstorm', 'refine', 'summary'] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * Timer in server time. Running: `endsAt` is the server-clock instant it hits zero.
 * Paused or idle: `remainingMs` is what is left.
 */
export const timerSchema = z.object({
  status: z.enum(['idle', 'running', 'paused']),
  durationMs: z.int().check(z.minimum(0)),
  remainingMs: z.int().check(z.minimum(0)),
  endsAt: z.optional(z.number()),
});
export type Timer = z.infer<typeof timerSchema>;

export const votingSchema = z.object({
  /** Each opened session gets a new round id, so votes from an earlier session never count. */
  roundId: z.string().check(z.maxLength(64)),
  status: z.enum(['idle', 'open', 'closed']),
  dotsPerPerson: z.int().check(z.minimum(1), z.maximum(20)),
  capPerItem: z.int().check(z.minimum(1), z.maximum(20)),
});
export type Voting = z.infer<typeof votingSchema>;

export const tallyEntrySchema = z.object({ candidateId: recordIdSchema, text: z.string(), votes: z.int().check(z.minimum(0)) });

/** A closed round's result, written into the control document by the server when the facilitator closes voting. */
export const voteResultSchema = z.object({
  roundId: z.string().check(z.maxLength(64)),
  /** Dots per candidate, highest first: only dots within the rules were ever accepted. */
  tally: z.array(tallyEntrySchema),
  /** How many ballots had at least one dot. */
  ballots: z.int().check(z.minimum(0)),
  /** Who voted, by name (proxies marked); null when the board is anonymous. */
  voters: z.nullable(z.array(z.object({ name: nameField(120), proxy: z.optional(z.boolean()) }))),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

/** "N of M have voted", written by the server while a round is open: counts only, never whose ballot holds what. */
export const votingCountSchema = z.object({ roundId: z.string().check(z.maxLength(64)), done: z.int().check(z.minimum(0)), total: z.int().check(z.minimum(0)) });
export type VotingCount = z.infer<typeof votingCountSchema>;

/** A key result's revealed confidence votes, written by the server at reveal: the values, not who gave them. */
export const confidenceResultSchema = z.object({ values: z.array(z.number().check(z.minimum(0), z.maximum(1))), average: z.number().check(z.minimum(0), z.maximum(1)) });
export type ConfidenceResult = z.infer<typeof confidenceResultSchema>;

/** THE objective: the one candidate the facilitator confirmed, its final wording and the decision record. */
export const objectiveSchema = z.object({
  candidateId: recordIdSchema,
  title: textField(500),
  description: z.optional(textField(2000)),
  commitment: z.enum(['committed', 'aspirational']),
  contextIds: z.array(recordIdSchema).check(z.maxLength(50)),
  tally: z.array(tallyEntrySchema),
  rationale: z.optional(textField(2000)),
  decidedAt: z.string(),
  /**
   * When a cluster was chosen (candidateId is then the cluster's id): its notes at the decision,
   * with their texts, so the record keeps what the group voted for even if the notes change later.
   * No authors: the record is read on anonymous boards too.
   */
  fromNotes: z.optional(z.array(z.object({ id: recordIdSchema, text: textField(500) })).check(z.maxLength(200))),
});
export type Objective = z.infer<typeof objectiveSchema>;

/** The facilitator's discussion notes on one step: what was said, decisions, open questions. */
export const stepNoteSchema = z.string().check(z.maxLength(4000));

/** Which steps have private (silent) writing on, and how often each was revealed. */
export const PRIVATE_WRITING_STEPS = ['draft', 'brainstorm'] as const;
export type PrivateWritingStep = (typeof PRIVATE_WRITING_STEPS)[number];
