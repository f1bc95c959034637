import { STEP_IDS, type Candidate, type ControlState, type KeyResult, type ParkedItem, type StepId } from '../schema/index.ts';
import { candidateStatus, parkedCandidateIds } from './candidateStatus.ts';
import { hasOwner } from './owner.ts';
import { isPrivateWriting } from './privateWriting.ts';
import { stepIndex } from './steps.ts';

export type GateInput = {
  control: ControlState;
  contextCount: number;
  candidates: readonly Candidate[];
  parked: readonly ParkedItem[];
  keyResults: readonly KeyResult[];
};

/** Candidates that are neither THE objective, nor parked, nor discarded. */
export function unsortedCandidates(input: Pick<GateInput, 'control' | 'candidates' | 'parked'>): Candidate[] {
  const parked = parkedCandidateIds(input.parked);
  return input.candidates.filter((c) => candidateStatus(c, input.control.objective?.candidateId, parked) === 'unsorted');
}

/**
 * What is unmet when leaving `step` forwards, in words the facilitator can read out. An empty
 * list means go; otherwise the facilitator confirms. Going back is never gated.
 */
export function unmetBeforeLeaving(step: StepId, input: GateInput): string[] {
  const unmet: string[] = [];
  switch (step) {
    case 'context':
      if (input.contextCount === 0) unmet.push('No context cards yet: objectives will have nothing to link to.');
      break;
    case 'draft':
      if (input.candidates.length === 0) unmet.push('No candidate objectives have been revealed yet.');
      if (isPrivateWriting(input.control, 'draft') && input.control.reveals.draft === undefined) unmet.push('Drafts are still private: reveal them first.');
      break;
    case 'pick':
      if (!input.control.objective) unmet.push('No objective confirmed yet.');
      if (input.control.voting.status === 'open') unmet.push('Voting is still open.');
      break;
    case 'park': {
      const left = unsortedCandidates(input).length;
      if (left > 0) unmet.push(`${left} candidate${left === 1 ? '' : 's'} not parked or discarded yet.`);
      break;
    }
    case 'brainstorm':
      if (input.keyResults.length === 0) unmet.push('No key results yet.');
      if (isPrivateWriting(input.control, 'brainstorm') && input.control.reveals.brainstorm === undefined) unmet.push('Key-result drafts are still private: reveal them first.');
      break;
    case 'refine': {
      // An owner known by email alone counts, as the kr-has-owner check has it.
      const incomplete = input.keyResults.filter((kr) => kr.baseline === undefined || kr.target === undefined || !kr.deadline || !hasOwner(kr)).length;
      if (incomplete > 0) unmet.push(`${incomplete} key result${incomplete === 1 ? '' : 's'} without baseline, target, deadline or owner.`);
      break;
    }
    case 'summary':
      break;
  }
  return unmet;
}

/** Everything unmet between `from` and `to` when jumping forwards; nothing when going back. */
export function unmetForMove(from: StepId, to: StepId, input: GateInput): string[] {
  if (stepIndex(to) <= stepIndex(from)) return [];
  return STEP_IDS.slice(stepIndex(from), stepIndex(to)).flatMap((step) => unmetBeforeLeaving(step, input));
}
