import { z } from 'zod';
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
  durationMs: z.number().int().min(0),
  remainingMs: z.number().int().min(0),
  endsAt: z.number().optional(),
});
export type Timer = z.infer<typeof timerSchema>;

export const votingSchema = z.object({
  /** Each opened session gets a new round id, so votes from an earlier session never count. */
  roundId: z.string().max(64),
  status: z.enum(['idle', 'open', 'closed']),
  dotsPerPerson: z.number().int().min(1).max(20),
  capPerItem: z.number().int().min(1).max(20),
});
export type Voting = z.infer<typeof votingSchema>;

export const tallyEntrySchema = z.object({ candidateId: recordIdSchema, text: z.string(), votes: z.number().int().min(0) });

/** A closed round's result, written into the control document by the server when the facilitator closes voting. */
export const voteResultSchema = z.object({
  roundId: z.string().max(64),
  /** Dots per candidate, highest first: only dots within the rules were ever accepted. */
  tally: z.array(tallyEntrySchema),
  /** How many ballots had at least one dot. */
  ballots: z.number().int().min(0),
  /** Who voted, by name (proxies marked); null when the board is anonymous. */
  voters: z.array(z.object({ name: z.string().max(120), proxy: z.boolean().optional() })).nullable(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

/** "N of M have voted", written by the server while a round is open: counts only, never whose ballot holds what. */
export const votingCountSchema = z.object({ roundId: z.string().max(64), done: z.number().int().min(0), total: z.number().int().min(0) });
export type VotingCount = z.infer<typeof votingCountSchema>;

/** A key result's revealed confidence votes, written by the server at reveal: the values, not who gave them. */
export const confidenceResultSchema = z.object({ values: z.array(z.number().min(0).max(1)), average: z.number().min(0).max(1) });
export type ConfidenceResult = z.infer<typeof confidenceResultSchema>;

/** THE objective: the one candidate the facilitator confirmed, its final wording and the decision record. */
export const objectiveSchema = z.object({
  candidateId: recordIdSchema,
  title: z.string().max(500),
  description: z.string().max(2000).optional(),
  commitment: z.enum(['committed', 'aspirational']),
  contextIds: z.array(recordIdSchema).max(50),
  tally: z.array(tallyEntrySchema),
  rationale: z.string().max(2000).optional(),
  decidedAt: z.string(),
  /**
   * When a cluster was chosen (candidateId is then the cluster's id): its notes at the decision,
   * with their texts, so the record keeps what the group voted for even if the notes change later.
   * No authors: the record is read on anonymous boards too.
   */
  fromNotes: z.array(z.object({ id: recordIdSchema, text: z.string().max(500) })).max(200).optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

/** The facilitator's discussion notes on one step: what was said, decisions, open questions. */
export const stepNoteSchema = z.string().max(4000);

/** Which steps have private (silent) writing on, and how often each was revealed. */
export const PRIVATE_WRITING_STEPS = ['draft', 'brainstorm'] as const;
export type PrivateWritingStep = (typeof PRIVATE_WRITING_STEPS)[number];
