import { z } from 'zod/mini';
import { findingSchema } from '../review/finding.ts';
import {
  CHECK_IN_CADENCES,
  CONTEXT_KINDS,
  KR_DIRECTIONS,
  KR_TYPES,
  LEAD_LAG,
  candidateSchema,
  canvasPosSchema,
  clusterSchema,
  contextItemSchema,
  initiativeSchema,
  isoDateSchema,
  keyResultSchema,
  objectiveSchema,
  parkedItemSchema,
  personSchema,
  recordIdSchema,
  STEP_IDS,
  type StepId,
  stepNoteSchema,
  tallyEntrySchema,
  workshopSchema,
} from '../schema/index.ts';
import { CANDIDATE_STATUSES } from '../workshop/candidateStatus.ts';

/*
 * Export format version 3 (version 2 plus the canvas: each note's place and cluster, the clusters, and
 * the notes of a cluster chosen as THE objective; version 2 added the agenda; migrate.ts upgrades
 * older files): defined once, here. The TypeScript types, the runtime validation and the committed
 * JSON Schema (shared/schema/okr-export.v3.schema.json) all come from these zod schemas.
 * Every field is present in every export; "unknown" is `null`, never a missing key, so importers
 * need no guessing. Field limits reuse the record schemas in shared/src/schema.
 */

export const EXPORT_FORMAT_ID = 'okr-workshop-board/export';
export const EXPORT_VERSION = 3;

/**
 * A described copy of a record schema, leaving the record's own schema undescribed wherever else
 * it is used. Like the records, the export is written in zod/mini: a browser that validates with
 * zod's classic API anywhere carries every schema type's code on its first load (6.8 KB gzipped).
 */
function described<T extends z.core.$ZodType>(schema: T, description: string): T {
  const copy = z.core.clone(schema);
  z.globalRegistry.add(copy, { description });
  return copy;
}

/** A person as OKR tools match them on import: by email where known. */
const ownerSchema = z.nullable(personSchema).check(z.describe('Who owns it; null when nobody does yet. Tools match people by email.'));

export const exportWorkshopSchema = z.object({
  title: workshopSchema.shape.title,
  team: z.nullable(workshopSchema.shape.team.def.innerType),
  cycle: z.object({
    label: z.nullable(workshopSchema.shape.cycleLabel.def.innerType).check(z.describe('For example "Q3 2026".')),
    start: z.nullable(isoDateSchema),
    end: z.nullable(isoDateSchema),
  }),
  discussionNotes: z
    .optional(z.array(z.object({ step: z.enum(STEP_IDS), text: stepNoteSchema })))
    .check(z.describe('The facilitator\'s notes per step (what was said, decisions, open questions), in step order. Left out when there are none.')),
});

/** A note's place on its step's canvas (since version 3). */
const placeSchema = z.nullable(canvasPosSchema).check(z.describe('Where the note sits on its step\'s canvas, in canvas pixels: from its cluster\'s corner when it is in one, else from the canvas origin. Null when nobody placed it (laid out tidily on import).'));
const noteClusterIdSchema = z.nullable(recordIdSchema).check(z.describe('The cluster it is in (see `clusters`), or null.'));

export const exportContextItemSchema = z.object({
  id: recordIdSchema,
  kind: z.enum(CONTEXT_KINDS),
  text: contextItemSchema.shape.text,
  link: z.nullable(contextItemSchema.shape.link.def.innerType),
  place: placeSchema,
  clusterId: noteClusterIdSchema,
});

export const exportClusterSchema = z.object({
  id: recordIdSchema,
  step: described(clusterSchema.shape.step, 'The canvas it is on: context, draft (candidate objectives) or brainstorm (key results and initiatives).'),
  name: clusterSchema.shape.name,
  place: described(canvasPosSchema, 'Its corner on the canvas, in canvas pixels.'),
  noteIds: z.array(recordIdSchema).check(z.describe('The notes in it, in board order.')),
});

/** A note of the cluster chosen as THE objective, as the decision kept it. */
export const exportFromNoteSchema = z.object({ id: recordIdSchema, text: candidateSchema.shape.text });

export const exportDecisionSchema = z.object({
  tally: z.array(tallyEntrySchema).check(z.describe('Dots per candidate in the vote that chose the objective.')),
  rationale: z.nullable(objectiveSchema.shape.rationale.def.innerType),
  decidedAt: described(objectiveSchema.shape.decidedAt, 'When the facilitator confirmed the objective (ISO time).'),
  fromNotes: z
    .array(exportFromNoteSchema)
    .check(z.describe('When a cluster was chosen (`candidateId` is then the cluster\'s id): its notes at the decision, with their texts and no authors. Empty when one card was chosen (since version 3).')),
});

export const exportObjectiveSchema = z
  .nullable(
    z.object({
    candidateId: described(recordIdSchema, 'The candidate objective that was chosen: a candidate\'s id, or a Draft cluster\'s id when the group voted on a cluster.'),
    title: objectiveSchema.shape.title,
    description: z.nullable(objectiveSchema.shape.description.def.innerType),
    commitment: objectiveSchema.shape.commitment,
    contextIds: described(objectiveSchema.shape.contextIds, 'The context items this objective serves.'),
    decision: exportDecisionSchema,
    }),
  )
  .check(z.describe('THE objective; null until the facilitator confirms one.'));

export const exportKeyResultSchema = z.object({
  id: recordIdSchema,
  title: keyResultSchema.shape.title,
  metric: z.object({
    name: z.nullable(keyResultSchema.shape.metricName.def.innerType),
    unit: z.nullable(keyResultSchema.shape.unit.def.innerType).check(z.describe('"%", "$", "ms", "users"…')),
  }),
  type: z.nullable(z.enum(KR_TYPES)),
  direction: z.nullable(z.enum(KR_DIRECTIONS)).check(z.describe('at-least / at-most: stay at or above / below the target.')),
  baseline: z.nullable(z.number()),
  target: z.nullable(z.number()),
  deadline: z.nullable(isoDateSchema),
  owner: ownerSchema,
  confidence: z.nullable(keyResultSchema.shape.confidence.def.innerType).check(z.describe('0 to 1, the room\'s revealed average; a fist-of-five vote of n fingers is n / 5, shown to people as "3.5 / 5".')),
  leadLag: z.nullable(z.enum(LEAD_LAG)),
  place: placeSchema,
  clusterId: noteClusterIdSchema,
});

export const exportInitiativeSchema = z.object({
  id: recordIdSchema,
  title: initiativeSchema.shape.title,
  owner: ownerSchema,
  keyResultIds: described(initiativeSchema.shape.keyResultIds, 'The key results this work should move.'),
  place: placeSchema,
  clusterId: noteClusterIdSchema,
});

export const exportParkedItemSchema = z.object({
  id: recordIdSchema,
  text: parkedItemSchema.shape.text,
  reason: parkedItemSchema.shape.reason,
  owner: ownerSchema,
  revisitDate: z.nullable(isoDateSchema),
  candidateId: z.nullable(recordIdSchema).check(z.describe('The candidate objective it was parked from, if any.')),
});

export const exportCandidateSchema = z.object({
  id: recordIdSchema,
  text: candidateSchema.shape.text,
  author: z.nullable(candidateSchema.shape.authorName.def.innerType).check(z.describe('null when the board was anonymous.')),
  authors: z
    .optional(z.array(candidateSchema.shape.authorName.def.innerType))
    .check(z.describe('Everyone who wrote the card, `author` first, then the authors of cards merged into it; empty when the board was anonymous. Missing in exports made before merges kept every author.')),
  clusterId: z.nullable(recordIdSchema).check(z.describe('The cluster it is in: a `clusters` id, or (a group made with "Group with…") the id of the group\'s first card.')),
  place: placeSchema,
  votes: z.number().check(z.int(), z.minimum(0), z.describe('Dots in the decision record\'s tally; 0 before a decision, and 0 for a card voted on as part of a cluster (the cluster has the dots).')),
  status: z.enum(CANDIDATE_STATUSES),
});

export const exportTrackingSchema = z.object({
  checkInCadence: z.nullable(z.enum(CHECK_IN_CADENCES)),
  firstCheckIn: z.nullable(isoDateSchema),
});

/** The six timed steps: the Summary has no timebox. */
const TIMED_STEPS = STEP_IDS.filter((step) => step !== 'summary') as [Exclude<StepId, 'summary'>, ...Exclude<StepId, 'summary'>[]];

export const exportAgendaEntrySchema = z.object({
  step: z.enum(TIMED_STEPS),
  plannedMinutes: z.number().check(z.int(), z.minimum(0), z.describe('The timebox the facilitator planned for the step.')),
  actualMinutes: z
    .nullable(z.number().check(z.int(), z.minimum(0)))
    .check(z.describe('Minutes the group spent on the step: the sum of its visits, each from the facilitator moving the group to it until the next move (the current step until the export). Null when no time was recorded (no move or timer yet, or a version 1 file).')),
});

export const okrExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT_ID),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.iso.datetime().check(z.describe('When the export was made (ISO time, UTC).')),
    workshop: exportWorkshopSchema,
    context: z.array(exportContextItemSchema),
    objective: exportObjectiveSchema,
    keyResults: z.array(exportKeyResultSchema),
    initiatives: z.array(exportInitiativeSchema),
    parked: z.array(exportParkedItemSchema),
    candidates: z.array(exportCandidateSchema).check(z.describe('Every candidate objective, for the record.')),
    clusters: z.array(exportClusterSchema).check(z.describe('The named clusters on the canvases (since version 3).')),
    tracking: exportTrackingSchema,
    agenda: z.array(exportAgendaEntrySchema).check(z.describe('Planned and actual time per step, in step order (since version 2).')),
    findings: z.array(findingSchema).check(z.describe('Review findings at export time, without the dismissed ones.')),
    dismissedFindings: z.array(z.string()).check(z.describe('Keys (`rule:targetId`) of findings dismissed on the board, so an import keeps them dismissed.')),
  })
  .check(
    z.meta({
      title: 'OKR workshop board export, version 3',
      description: 'One team\'s OKR as set in a workshop: the objective, its key results, initiatives, parked items and the decision record.',
    }),
  );

export type OkrExport = z.infer<typeof okrExportSchema>;
export type ExportWorkshop = z.infer<typeof exportWorkshopSchema>;
export type ExportContextItem = z.infer<typeof exportContextItemSchema>;
export type ExportObjective = NonNullable<z.infer<typeof exportObjectiveSchema>>;
export type ExportKeyResult = z.infer<typeof exportKeyResultSchema>;
export type ExportInitiative = z.infer<typeof exportInitiativeSchema>;
export type ExportParkedItem = z.infer<typeof exportParkedItemSchema>;
export type ExportCandidate = z.infer<typeof exportCandidateSchema>;
export type ExportOwner = z.infer<typeof ownerSchema>;
export type ExportAgendaEntry = z.infer<typeof exportAgendaEntrySchema>;
export type ExportCluster = z.infer<typeof exportClusterSchema>;
