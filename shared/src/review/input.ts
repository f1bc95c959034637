import { z } from 'zod/mini';
import { KR_DIRECTIONS, KR_TYPES, LEAD_LAG, type KrDirection, type KrType, type LeadLag } from '../schema/index.ts';
import { describeIssues, type IssueDescription } from '../validation/describeIssues.ts';

/*
 * What the review accepts: a full export, the board's own records, or a draft as thin as an
 * objective title and a list of key-result strings. Every field but a title may be missing or null,
 * and both the export's shape (`owner: {name}`, `metric: {name, unit}`) and the record's shape
 * (`ownerName`, `metricName`, `unit`) are read, so the client can review cards as they are.
 */

const text = z.nullish(z.string());
const num = z.nullish(z.number());
const ids = z.nullish(z.array(z.string()));
const owner = z.nullish(z.union([z.string(), z.object({ name: text, email: text })]));

const objectiveInput = z.union([
  z.string(),
  z.object({ id: text, candidateId: text, title: z.string(), description: text, commitment: text, contextIds: ids }),
]);

const keyResultInput = z.union([
  z.string(),
  z.object({
    id: text,
    title: z.string(),
    metric: z.nullish(z.object({ name: text, unit: text })),
    metricName: text,
    unit: text,
    type: z.nullish(z.enum(KR_TYPES)),
    direction: z.nullish(z.enum(KR_DIRECTIONS)),
    baseline: num,
    target: num,
    /** `YYYY-MM-DD`, or words such as "30 Sep" that the review resolves against the cycle. */
    deadline: text,
    owner,
    ownerName: text,
    ownerEmail: text,
    confidence: z.nullish(z.number().check(z.minimum(0), z.maximum(1))),
    leadLag: z.nullish(z.enum(LEAD_LAG)),
  }),
]);

const cycleInput = z.object({ label: text, start: text, end: text });

export const reviewInputSchema = z.object({
  workshop: z.nullish(z.object({ cycle: z.nullish(cycleInput), cycleLabel: text, cycleStart: text, cycleEnd: text })),
  context: z.nullish(z.array(z.object({ id: text }))),
  objective: z.nullish(objectiveInput),
  /** Drafts may hold several objectives; the board holds one. The first is reviewed as THE objective. */
  objectives: z.nullish(z.array(objectiveInput)),
  keyResults: z.nullish(z.array(keyResultInput)),
  initiatives: z.nullish(z.array(z.object({ id: text, title: z.string(), owner, ownerName: text, keyResultIds: ids }))),
  parked: z.nullish(z.array(z.object({ id: text, text: z.string(), reason: text }))),
  candidates: z.nullish(z.array(z.object({ id: text, status: text }))),
});

/** Anything from a title-only draft to a full export (`OkrExport` is assignable to it). */
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type ReviewKeyResultInput = z.input<typeof keyResultInput>;

export class ReviewInputError extends Error {
  constructor(readonly issues: readonly IssueDescription[]) {
    super(`Cannot review this input:\n${issues.map((i) => `- ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ReviewInputError';
  }
}

/** The one shape every rule reads: ids filled in, nulls gone, both input shapes merged. */
export interface ReviewModel {
  cycle: { label?: string; start?: string; end?: string };
  contextIds: string[] | undefined;
  objectives: ReviewObjective[];
  keyResults: ReviewKeyResult[];
  initiatives: { id: string; title: string; ownerName?: string; keyResultIds: string[] }[];
  parked: { id: string; text: string; reason?: string }[];
  candidates: { id: string; status?: string }[] | undefined;
}

export interface ReviewObjective {
  id: string;
  title: string;
  description?: string;
  commitment?: string;
  contextIds?: string[];
}

export interface ReviewKeyResult {
  id: string;
  title: string;
  metricName?: string;
  unit?: string;
  type?: KrType;
  direction?: KrDirection;
  baseline?: number;
  target?: number;
  deadline?: string;
  ownerName?: string;
  ownerEmail?: string;
  confidence?: number;
  leadLag?: LeadLag;
}

export function normalizeReviewInput(input: ReviewInput): ReviewModel {
  const result = reviewInputSchema.safeParse(input);
  if (!result.success) throw new ReviewInputError(describeIssues(result.error.issues, input));
  const data = result.data;
  const objectiveList = data.objectives ?? (data.objective ? [data.objective] : []);
  const workshop = data.workshop;
  return {
    cycle: dropEmpty({
      label: workshop?.cycle?.label ?? workshop?.cycleLabel,
      start: workshop?.cycle?.start ?? workshop?.cycleStart,
      end: workshop?.cycle?.end ?? workshop?.cycleEnd,
    }),
    contextIds: data.context?.flatMap((item) => (item.id ? [item.id] : [])),
    objectives: objectiveList.map(normalizeObjective),
    keyResults: (data.keyResults ?? []).map(normalizeKeyResult),
    initiatives: (data.initiatives ?? []).map((initiative, index) => ({
      id: initiative.id ?? `initiative-${index + 1}`,
      title: initiative.title,
      ...dropEmpty({ ownerName: ownerNameOf(initiative.owner) ?? initiative.ownerName }),
      keyResultIds: initiative.keyResultIds ?? [],
    })),
    parked: (data.parked ?? []).map((item, index) => ({
      id: item.id ?? `parked-${index + 1}`,
      text: item.text,
      ...dropEmpty({ reason: item.reason }),
    })),
    candidates: data.candidates?.map((candidate, index) => ({
      id: candidate.id ?? `candidate-${index + 1}`,
      ...dropEmpty({ status: candidate.status }),
    })),
  };
}

function normalizeObjective(objective: z.output<typeof objectiveInput>): ReviewObjective {
  if (typeof objective === 'string') return { id: 'objective', title: objective };
  return {
    id: objective.candidateId ?? objective.id ?? 'objective',
    title: objective.title,
    ...dropEmpty({ description: objective.description, commitment: objective.commitment, contextIds: objective.contextIds }),
  };
}

function normalizeKeyResult(kr: z.output<typeof keyResultInput>, index: number): ReviewKeyResult {
  const fallbackId = `kr-${index + 1}`;
  if (typeof kr === 'string') return { id: fallbackId, title: kr };
  const ownerEmail = typeof kr.owner === 'object' ? kr.owner?.email : undefined;
  return {
    id: kr.id ?? fallbackId,
    title: kr.title,
    ...dropEmpty({
      metricName: kr.metric?.name ?? kr.metricName,
      unit: kr.metric?.unit ?? kr.unit,
      type: kr.type,
      direction: kr.direction,
      baseline: kr.baseline,
      target: kr.target,
      deadline: kr.deadline,
      ownerName: ownerNameOf(kr.owner) ?? kr.ownerName,
      ownerEmail: ownerEmail ?? kr.ownerEmail,
      confidence: kr.confidence,
      leadLag: kr.leadLag,
    }),
  };
}

function ownerNameOf(owner: string | { name?: string | null | undefined } | null | undefined): string | undefined {
  const name = typeof owner === 'string' ? owner : owner?.name;
  return name?.trim() ? name : undefined;
}

/** Drops null, undefined and blank strings, so "has a value" is one `!== undefined` check everywhere. */
function dropEmpty<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}
