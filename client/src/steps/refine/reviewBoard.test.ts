import { describe, expect, it } from 'vitest';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { buildExport } from '@okr/shared/export';
import { findingKey } from '@okr/shared/review';
import { findingsFor, reviewBoard, type BoardSnapshot } from './reviewBoard.ts';

const NOW = new Date('2026-06-20T10:00:00Z');

function sampleBoard(cycle: boolean) {
  const board = new BoardDoc();
  const control = new ControlDoc();
  board.updateWorkshop({ title: 'Q3', ...(cycle ? { cycleStart: '2026-07-01', cycleEnd: '2026-09-30' } : {}) });
  const mission = board.addContextItem({ kind: 'mission', text: 'Effortless checkout' });
  const chosen = board.addCandidate({ text: 'Checkout feels effortless' });
  const other = board.addCandidate({ text: 'Mobile parity' });
  board.addCandidate({ text: 'Left unsorted' });
  board.addParkedItem({ text: 'Mobile parity', reason: '', candidateId: other });
  const kr = board.addKeyResult({ title: 'Checkout conversion rate from 58% to 65% by 30 Sep', ownerName: 'Ana', confidence: 0.95 });
  board.addKeyResult({ title: 'Build a cart reminder' });
  board.addInitiative({ title: 'Reminder emails', keyResultIds: [] });
  control.setObjective({ candidateId: chosen, title: 'Launch 2 checkout flows', commitment: 'committed', contextIds: [mission], tally: [], decidedAt: NOW.toISOString() });
  board.dismissFinding(`kr-has-owner:${board.keyResults.list()[1]?.id ?? ''}`, 'Ana');
  return { board, control, kr };
}

function snapshot(board: BoardDoc, control: ControlDoc): BoardSnapshot {
  return {
    workshop: board.workshop(),
    context: board.contextItems.list(),
    objective: control.state().objective,
    keyResults: board.keyResults.list(),
    initiatives: board.initiatives.list(),
    parked: board.parked.list(),
    candidates: board.candidates.list(),
  };
}

describe('reviewBoard', () => {
  it.each([
    ['with a cycle', true],
    ['without a cycle (dates read in the current year)', false],
  ])('finds what the export finds, plus the dismissed ones, %s', (_name, cycle) => {
    const { board, control } = sampleBoard(cycle);
    const all = reviewBoard(snapshot(board, control), NOW.getUTCFullYear());
    const exported = buildExport(board, control, NOW);
    const dismissed = board.dismissedFindings();
    expect(all.filter((finding) => !dismissed.has(findingKey(finding)))).toEqual(exported.findings);
    expect(all.filter((finding) => dismissed.has(findingKey(finding))).map(findingKey)).toEqual(exported.dismissedFindings);
  });

  it('splits findings per target into shown and dismissed', () => {
    const { board, control } = sampleBoard(true);
    const all = reviewBoard(snapshot(board, control), 2026);
    const second = board.keyResults.list()[1]?.id ?? '';
    const split = findingsFor(all, board.dismissedBy(), ['keyResult'], second);
    expect(split.active.map((f) => f.rule)).toContain('kr-is-initiative');
    expect(split.dismissed).toEqual([{ finding: expect.objectContaining({ rule: 'kr-has-owner' }), by: 'Ana' }]);
    expect(findingsFor(all, board.dismissedBy(), ['initiative', 'parked']).active.map((f) => f.rule).sort()).toEqual(['initiative-has-owner', 'initiative-linked', 'parked-reasons']);
  });
});
