import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL, type Candidate, type ControlState, type KeyResult, type Objective, type ParkedItem } from '../schema/index.ts';
import { unmetBeforeLeaving, unmetForMove, unsortedCandidates, type GateInput } from './gates.ts';

const objective: Objective = { candidateId: 'a', title: 'Delight first-time buyers', commitment: 'committed', contextIds: [], tally: [], decidedAt: '2026-11-22T10:00:00Z' };
const candidates: Candidate[] = ['a', 'b', 'c'].map((id, order) => ({ id, text: id, order }));
const completeKr: KeyResult = { id: 'k', title: 'Conversion', baseline: 58, target: 65, deadline: '2026-09-30', ownerName: 'Ana', order: 1 };

function input(patch: Partial<Omit<GateInput, 'control'>> & { control?: Partial<ControlState> } = {}): GateInput {
  return { contextCount: 1, candidates, parked: [], keyResults: [completeKr], ...patch, control: { ...DEFAULT_CONTROL, ...patch.control } };
}
const revealed = { reveals: { draft: 1, brainstorm: 1 } };
const parked = (candidateId: string): ParkedItem => ({ id: `p-${candidateId}`, text: candidateId, reason: 'later', candidateId, order: 1 });

describe('leaving a step forwards', () => {
  it.each([
    ['context with no cards', 'context', input({ contextCount: 0 }), 1],
    ['context with cards', 'context', input(), 0],
    ['draft before the reveal', 'draft', input(), 1],
    ['draft with nothing revealed', 'draft', input({ candidates: [], control: revealed }), 1],
    ['draft after the reveal', 'draft', input({ control: revealed }), 0],
    ['draft with private writing off', 'draft', input({ control: { privateWriting: { draft: false } } }), 0],
    ['pick without an objective', 'pick', input(), 1],
    ['pick with voting still open', 'pick', input({ control: { objective, voting: { ...DEFAULT_CONTROL.voting, status: 'open' } } }), 1],
    ['pick with THE objective', 'pick', input({ control: { objective } }), 0],
    ['park with two unsorted', 'park', input({ control: { objective } }), 1],
    ['park with all sorted', 'park', input({ control: { objective }, parked: [parked('b')], candidates: [candidates[0]!, candidates[1]!, { ...candidates[2]!, discarded: true }] }), 0],
    ['brainstorm with no key results', 'brainstorm', input({ keyResults: [], control: revealed }), 1],
    ['refine with an incomplete key result', 'refine', input({ keyResults: [completeKr, { id: 'x', title: 'Churn', order: 2 }] }), 1],
    ['refine complete', 'refine', input(), 0],
    ['refine with an owner known by email only', 'refine', input({ keyResults: [{ ...completeKr, ownerName: undefined, ownerEmail: 'ana@example.com' }] }), 0],
  ] as const)('%s: %i unmet', (_name, step, gateInput, count) => {
    const unmet = unmetBeforeLeaving(step, gateInput);
    expect(unmet).toHaveLength(count);
    for (const line of unmet) expect(line).toMatch(/\.$/);
  });

  it('names the unsorted count', () => {
    expect(unmetBeforeLeaving('park', input({ control: { objective } }))).toEqual(['2 candidates not parked or discarded yet.']);
  });

  it('never gates going back', () => {
    expect(unmetForMove('refine', 'context', input({ contextCount: 0, keyResults: [] }))).toEqual([]);
  });

  it('collects every step skipped over when jumping ahead', () => {
    expect(unmetForMove('context', 'park', input({ contextCount: 0 }))).toHaveLength(3);
  });

  it('unsorted excludes THE objective, parked and discarded', () => {
    const result = unsortedCandidates({ control: { ...DEFAULT_CONTROL, objective }, candidates: [...candidates, { id: 'd', text: 'd', order: 4, discarded: true }], parked: [parked('b')] });
    expect(result.map((c) => c.id)).toEqual(['c']);
  });
});
