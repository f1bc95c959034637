import { findingKey, type Finding } from '@okr/shared/review';
import { CONTEXT_KIND_LABELS, type Candidate, type ContextItem, type Initiative, type KeyResult, type ParkedItem, type Spotlight, type StepId } from '@okr/shared/schema';
import { groupCandidates } from '@okr/shared/workshop';

export type SpotlightBoard = {
  context: readonly ContextItem[];
  candidates: readonly Candidate[];
  parked: readonly ParkedItem[];
  keyResults: readonly KeyResult[];
  initiatives: readonly Initiative[];
  findings: readonly Finding[];
};

/** What the room sees of a spotlit thing: what kind it is, its text, and the lines under it. */
export type SpotlitItem = { spotlight: Spotlight; kind: string; text: string; details: string[] };

/** The spotlit thing as it is now on the board, or null when it is gone (deleted, merged, a finding fixed). */
export function spotlitItem(spotlight: Spotlight, board: SpotlightBoard): SpotlitItem | null {
  const item = (kind: string, text: string, details: string[] = []) => ({ spotlight, kind, text, details });
  const byId = <T extends { id: string }>(list: readonly T[]) => list.find((x) => x.id === spotlight.id);
  switch (spotlight.kind) {
    case 'context': {
      const card = byId(board.context);
      return card ? item(CONTEXT_KIND_LABELS[card.kind], card.text) : null;
    }
    case 'candidate': {
      const card = byId(board.candidates);
      return card ? item('Candidate objective', card.text) : null;
    }
    case 'cluster': {
      const cards = board.candidates.filter((c) => c.clusterId === spotlight.id);
      return cards.length > 0 ? item(`Group of ${cards.length}`, cards[0]!.text, cards.slice(1).map((c) => c.text)) : null;
    }
    case 'parked': {
      const parked = byId(board.parked);
      return parked ? item('Parked', parked.text, [parked.reason && `Why: ${parked.reason}`, parked.ownerName && `Owner: ${parked.ownerName}`].filter((x): x is string => Boolean(x))) : null;
    }
    case 'keyResult': {
      const index = board.keyResults.findIndex((kr) => kr.id === spotlight.id);
      return index >= 0 ? item(`Key result ${index + 1}`, board.keyResults[index]!.title) : null;
    }
    case 'initiative': {
      const initiative = byId(board.initiatives);
      return initiative ? item('Initiative', initiative.title, initiative.ownerName ? [`Owner: ${initiative.ownerName}`] : []) : null;
    }
    case 'finding': {
      const finding = board.findings.find((f) => findingKey(f) === spotlight.id);
      const kr = finding && board.keyResults.find((k) => k.id === finding.target.id);
      return finding ? item('Finding', finding.message, kr ? [`On: ${kr.title}`] : []) : null;
    }
  }
}

/** What the facilitator can spotlight on a step: its cards, groups, key results and findings, in the order the step shows them. */
export function spotlightChoices(step: StepId, board: SpotlightBoard): SpotlitItem[] {
  const all = (spotlights: Spotlight[]) => spotlights.map((s) => spotlitItem(s, board)).filter((x): x is SpotlitItem => x !== null);
  const ids = <K extends Spotlight['kind']>(kind: K, list: readonly { id: string }[]) => list.map((x) => ({ kind, id: x.id }));
  const clusters = groupCandidates(board.candidates)
    .filter((unit) => unit.cards.length > 1)
    .map((unit) => ({ kind: 'cluster' as const, id: unit.cards[0]!.clusterId! }));
  const findings = board.findings.filter((f) => f.target.kind === 'keyResult').map((f) => ({ kind: 'finding' as const, id: findingKey(f) }));
  switch (step) {
    case 'context':
      return all(ids('context', board.context));
    case 'draft':
    case 'pick':
      return all([...clusters, ...ids('candidate', board.candidates)]);
    case 'park':
      return all([...ids('parked', board.parked), ...ids('candidate', board.candidates)]);
    case 'brainstorm':
      return all([...ids('keyResult', board.keyResults), ...ids('initiative', board.initiatives)]);
    case 'refine':
      return all([...ids('keyResult', board.keyResults), ...findings]);
    case 'summary':
      return all([...ids('keyResult', board.keyResults), ...ids('initiative', board.initiatives), ...ids('parked', board.parked)]);
  }
}
