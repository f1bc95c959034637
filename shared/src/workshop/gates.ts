import { STEP_IDS, type Candidate, type ControlState, type KeyResult, type ParkedItem, type StepId, type Workshop } from '../schema/index.ts';
import { candidateStatus, parkedCandidateIds } from './candidateStatus.ts';
import { incompleteKeyResults } from './refineGate.ts';
import { isPrivateWriting } from './privateWriting.ts';
import { stepIndex } from './steps.ts';

export type GateInput = {
  control: ControlState;
  contextCount: number;
  candidates: readonly Candidate[];
  parked: readonly ParkedItem[];
  keyResults: readonly KeyResult[];
  /** The cycle deadlines are read against, as the cards' checks read them; none: no cycle end stands in. */
  workshop?: Pick<Workshop, 'cycleStart' | 'cycleEnd' | 'cycleLabel'>;
  /** Year for dates written without one, as the board's review uses. */
  year?: number;
};

/** One unmet thing; when it is about one key result card, which card (the gate offers to jump to it). */
export type UnmetItem = { message: string; keyResultId?: string; cardName?: string };

/** Candidates that are neither THE objective, nor parked, nor discarded. */
export function unsortedCandidates(input: Pick<GateInput, 'control' | 'candidates' | 'parked'>): Candidate[] {
  const parked = parkedCandidateIds(input.parked);
  return input.candidates.filter((c) => candidateStatus(c, input.control.objective, parked) === 'unsorted');
}

/**
 * What is unmet when leaving `step` forwards, in words the facilitator can read out. An empty
 * list means go; otherwise the facilitator confirms. Going back is never gated.
 */
export function unmetBeforeLeaving(step: StepId, input: GateInput): string[] {
  return unmetItemsBeforeLeaving(step, input).map((item) => item.message);
}

/** `unmetBeforeLeaving` with the key result each line is about. */
export function unmetItemsBeforeLeaving(step: StepId, input: GateInput): UnmetItem[] {
  const unmet: UnmetItem[] = [];
  switch (step) {
    case 'context':
      if (input.contextCount === 0) unmet.push(line('No context cards yet: objectives will have nothing to link to.'));
      break;
    case 'draft':
      if (input.candidates.length === 0) unmet.push(line('No candidate objectives have been revealed yet.'));
      if (isPrivateWriting(input.control, 'draft') && input.control.reveals.draft === undefined) unmet.push(line('Drafts are still private: reveal them first.'));
      break;
    case 'pick':
      if (!input.control.objective) unmet.push(line('No objective confirmed yet.'));
      if (input.control.voting.status === 'open') unmet.push(line('Voting is still open.'));
      break;
    case 'park': {
      const left = unsortedCandidates(input).length;
      if (left > 0) unmet.push(line(`${left} candidate${left === 1 ? '' : 's'} not parked or discarded yet.`));
      break;
    }
    case 'brainstorm':
      if (input.keyResults.length === 0) unmet.push(line('No key results yet.'));
      if (isPrivateWriting(input.control, 'brainstorm') && input.control.reveals.brainstorm === undefined) unmet.push(line('Key-result drafts are still private: reveal them first.'));
      break;
    case 'refine':
      // One line per card, naming exactly what its own checks call missing.
      unmet.push(...incompleteKeyResults(input.keyResults, input.workshop, input.year));
      break;
    case 'summary':
      break;
  }
  return unmet;
}

/** Everything unmet between `from` and `to` when jumping forwards; nothing when going back. */
export function unmetForMove(from: StepId, to: StepId, input: GateInput): string[] {
  return unmetItemsForMove(from, to, input).map((item) => item.message);
}

/** `unmetForMove` with the key result each line is about. */
export function unmetItemsForMove(from: StepId, to: StepId, input: GateInput): UnmetItem[] {
  if (stepIndex(to) <= stepIndex(from)) return [];
  return STEP_IDS.slice(stepIndex(from), stepIndex(to)).flatMap((step) => unmetItemsBeforeLeaving(step, input));
}

const line = (message: string): UnmetItem => ({ message });
