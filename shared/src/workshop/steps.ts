import { STEP_IDS, type StepId } from '../schema/index.ts';

export type StepInfo = {
  id: StepId;
  /** 1 to 6 for the workshop's steps; the summary has none. */
  number: number | null;
  title: string;
  /** One line a facilitator can read out. */
  purpose: string;
  /** Minutes in a 90-minute plan: context 10, objectives 20, pick and park 20, key results 25, refine 15. */
  suggestedMinutes: number;
};

export const STEPS: readonly StepInfo[] = [
  { id: 'context', number: 1, title: 'Context', purpose: 'What the company wants and what we already know.', suggestedMinutes: 10 },
  { id: 'draft', number: 2, title: 'Draft objectives', purpose: 'Everyone writes candidate objectives, silently first.', suggestedMinutes: 20 },
  { id: 'pick', number: 3, title: 'Pick THE objective', purpose: 'Dot-vote, then confirm exactly one objective for the quarter.', suggestedMinutes: 10 },
  { id: 'park', number: 4, title: 'Park', purpose: 'Everything else that matters is parked with a reason.', suggestedMinutes: 10 },
  { id: 'brainstorm', number: 5, title: 'Brainstorm key results', purpose: 'Measurable outcomes for THE objective; actions go to initiatives.', suggestedMinutes: 25 },
  { id: 'refine', number: 6, title: 'SMART refine', purpose: 'Metric, baseline, target, deadline, owner and confidence for each key result.', suggestedMinutes: 15 },
  { id: 'summary', number: null, title: 'Summary', purpose: 'The OKRs as they will be exported.', suggestedMinutes: 0 },
];

export function stepInfo(id: StepId): StepInfo {
  const info = STEPS.find((s) => s.id === id);
  if (!info) throw new Error(`Unknown step "${id}"`);
  return info;
}

export function stepIndex(id: StepId): number {
  return STEP_IDS.indexOf(id);
}

/** The step after (or before) `id`, or null at either end. */
export function neighbourStep(id: StepId, delta: 1 | -1): StepId | null {
  return STEP_IDS[stepIndex(id) + delta] ?? null;
}
