import { z } from 'zod/mini';
import {
  ballotSchema,
  candidateSchema,
  clusterSchema,
  confidenceVoteSchema,
  contextItemSchema,
  controlStateSchema,
  dismissalSchema,
  initiativeSchema,
  keyResultSchema,
  objectiveSchema,
  parkedItemSchema,
  workshopSchema,
} from '../schema/index.ts';
import { OBJECTIVE_TEXT_FIELDS } from './objectiveText.ts';
import { TEXT_FIELDS } from './textFields.ts';

type ObjectSchema = z.ZodMiniObject<z.core.$ZodShape>;

/** A value that may be a nested `Y.Map` (fields as plain values, the named ones `Y.Text`) or a plain object. */
export type NestedRecord = { schema: ObjectSchema; textFields: readonly string[] };

/**
 * What one root map of a document holds, so the server can check every change against it:
 * - `records`: one nested `Y.Map` per record, keyed by its id (a RecordCollection);
 * - `fields`: a plain object spread over the map, one key per field, each validated alone;
 * - `entries`: plain values keyed by a function of the value (a ballot under `round:voter`).
 */
export type RootLayout =
  | { kind: 'records'; schema: ObjectSchema; textFields: readonly string[] }
  | { kind: 'fields'; fields: Readonly<Record<string, z.ZodMiniType>>; nested?: Readonly<Record<string, NestedRecord>> }
  | { kind: 'entries'; schema: z.ZodMiniType; keyOf: (value: never) => string };

/** A document's root maps by name; nothing else may appear at its top level. */
export type DocLayout = Readonly<Record<string, RootLayout>>;

const records = (schema: ObjectSchema, textFields: readonly string[]): RootLayout => ({ kind: 'records', schema, textFields });

/**
 * The board document (BoardDoc): cards in five collections, the canvas's clusters, the workshop's details, ballots,
 * confidence votes and dismissed findings. docs/board-document.md describes it for other tools;
 * layout.test.ts fails when BoardDoc grows a root this does not list.
 */
export const BOARD_LAYOUT: DocLayout = {
  contextItems: records(contextItemSchema, TEXT_FIELDS.contextItems),
  candidates: records(candidateSchema, TEXT_FIELDS.candidates),
  parked: records(parkedItemSchema, TEXT_FIELDS.parked),
  keyResults: records(keyResultSchema, TEXT_FIELDS.keyResults),
  initiatives: records(initiativeSchema, TEXT_FIELDS.initiatives),
  clusters: records(clusterSchema, []),
  workshop: { kind: 'fields', fields: workshopSchema.shape },
  ballots: { kind: 'entries', schema: ballotSchema, keyOf: (ballot: z.infer<typeof ballotSchema>) => `${ballot.roundId}:${ballot.voterId}` },
  confidenceVotes: {
    kind: 'entries',
    schema: confidenceVoteSchema,
    keyOf: (vote: z.infer<typeof confidenceVoteSchema>) => `${vote.keyResultId}:${vote.voterId}`,
  },
  dismissals: { kind: 'entries', schema: dismissalSchema, keyOf: (dismissal: z.infer<typeof dismissalSchema>) => dismissal.key },
};

/**
 * The control document (ControlDoc): one root map whose keys are the control state's fields. Its
 * reader falls back to a default for a bad value (`.catch`); a write is held to the field itself.
 */
export const CONTROL_LAYOUT: DocLayout = {
  control: {
    kind: 'fields',
    fields: Object.fromEntries(Object.entries(controlStateSchema.shape).map(([key, schema]) => [key, withoutFallback(schema)])),
    nested: { objective: { schema: objectiveSchema, textFields: OBJECTIVE_TEXT_FIELDS } },
  },
};

/** The field's own schema, without the default its reader falls back to. */
function withoutFallback(schema: z.ZodMiniType): z.ZodMiniType {
  return schema instanceof z.ZodMiniCatch ? (schema.def.innerType as z.ZodMiniType) : schema;
}
