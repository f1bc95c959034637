import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL, type Candidate, type ParkedItem } from '../schema/index.ts';
import { unsortedCandidates } from './gates.ts';
import { assignLanes, neighbourLane, planMove, type Lane, type LaneItem } from './lanes.ts';

const cand = (id: string, extra: Partial<Candidate> = {}): Candidate => ({ id, text: id.toUpperCase(), order: id.charCodeAt(0), ...extra });
const park = (id: string, candidateId?: string): ParkedItem => ({ id, text: `parked ${id}`, reason: 'later', order: 1, ...(candidateId ? { candidateId } : {}) });

const summary = (lanes: ReturnType<typeof assignLanes>) => ({
  unsorted: lanes.unsorted.map((i) => i.key),
  parked: lanes.parked.map((i) => i.key),
  discarded: lanes.discarded.map((i) => i.key),
});

describe('assignLanes', () => {
  it.each([
    ['nothing on the board', [], [], null, { unsorted: [], parked: [], discarded: [] }],
    ['every candidate starts unsorted', [cand('a'), cand('b')], [], null, { unsorted: ['c:a', 'c:b'], parked: [], discarded: [] }],
    ['THE objective is in no lane', [cand('a'), cand('b')], [], { candidateId: 'a' }, { unsorted: ['c:b'], parked: [], discarded: [] }],
    ['a parked candidate shows as its parked item', [cand('a'), cand('b')], [park('p1', 'b')], { candidateId: 'a' }, { unsorted: [], parked: ['p:p1'], discarded: [] }],
    ['a discarded candidate is discarded', [cand('a'), cand('b', { discarded: true })], [], { candidateId: 'a' }, { unsorted: [], parked: [], discarded: ['c:b'] }],
    ['parked wins over discarded', [cand('b', { discarded: true })], [park('p1', 'b')], null, { unsorted: [], parked: ['p:p1'], discarded: [] }],
    ['a free parked item is parked', [cand('a')], [park('p1')], { candidateId: 'a' }, { unsorted: [], parked: ['p:p1'], discarded: [] }],
    ['a parked item whose candidate is gone stays parked', [], [park('p1', 'gone')], null, { unsorted: [], parked: ['p:p1'], discarded: [] }],
    ['the notes of a chosen cluster are in no lane', [cand('a', { clusterId: 'k' }), cand('b', { clusterId: 'k' }), cand('c')], [], { candidateId: 'k', fromNotes: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }, { unsorted: ['c:c'], parked: [], discarded: [] }],
    ['two parked items for one candidate both show', [cand('b')], [park('p1', 'b'), park('p2', 'b')], null, { unsorted: [], parked: ['p:p1', 'p:p2'], discarded: [] }],
  ])('%s', (_name, candidates, parked, objective, expected) => {
    expect(summary(assignLanes(candidates, parked, objective))).toEqual(expected);
  });

  it.each([
    ['no objective yet', null],
    ['objective confirmed', 'a'],
    ['a parked card became the objective', 'd'],
  ])('unsorted agrees with the gate helper: %s', (_name, objectiveId) => {
    const candidates = [cand('a'), cand('b'), cand('c', { discarded: true }), cand('d')];
    const parked = [park('p1', 'd')];
    const control = { ...DEFAULT_CONTROL, objective: objectiveId ? { candidateId: objectiveId, title: 'A', commitment: 'committed' as const, contextIds: [], tally: [], decidedAt: 'now' } : null };
    expect(assignLanes(candidates, parked, control.objective).unsorted.map((i) => i.candidate?.id)).toEqual(unsortedCandidates({ control, candidates, parked }).map((c) => c.id));
  });

  it('flags cards grouped with THE objective and a parked item that became THE objective', () => {
    const lanes = assignLanes([cand('a', { clusterId: 'a' }), cand('b', { clusterId: 'a' }), cand('c')], [park('p1', 'a')], { candidateId: 'a' });
    expect(lanes.unsorted.map((i) => [i.key, i.nearObjective])).toEqual([['c:b', true], ['c:c', false]]);
    expect(lanes.parked.map((i) => [i.key, i.isObjective])).toEqual([['p:p1', true]]);
  });
});

const item = (lane: Lane, opts: { candidate?: boolean; parked?: boolean } = {}): LaneItem => ({
  key: 'k',
  lane,
  text: 'Grow repeat purchases',
  ...(opts.candidate !== false ? { candidate: cand('b') } : {}),
  ...(opts.parked ? { parked: park('p1', opts.candidate !== false ? 'b' : undefined) } : {}),
  nearObjective: false,
  isObjective: false,
});

describe('planMove', () => {
  it.each([
    ['same lane stays', item('unsorted'), 'unsorted', { kind: 'stay' }],
    ['unsorted to parked asks for a reason', item('unsorted'), 'parked', { kind: 'ask-reason' }],
    ['discarded to parked asks for a reason', item('discarded'), 'parked', { kind: 'ask-reason' }],
    ['unsorted to discarded discards', item('unsorted'), 'discarded', { kind: 'write', candidateId: 'b', discarded: true }],
    ['discarded back to unsorted clears it', item('discarded'), 'unsorted', { kind: 'write', candidateId: 'b', discarded: false }],
    ['parked back to unsorted removes the parked item', item('parked', { parked: true }), 'unsorted', { kind: 'write', candidateId: 'b', removeParkedId: 'p1', discarded: false }],
    ['parked to discarded removes it and discards', item('parked', { parked: true }), 'discarded', { kind: 'write', candidateId: 'b', removeParkedId: 'p1', discarded: true }],
  ] as const)('%s', (_name, from, to, plan) => {
    expect(planMove(from, to)).toEqual(plan);
  });

  it.each([
    ['a free parked item cannot go to unsorted', 'unsorted'],
    ['nor be discarded', 'discarded'],
  ] as const)('%s', (_name, to) => {
    expect(planMove(item('parked', { candidate: false, parked: true }), to)).toMatchObject({ kind: 'refuse' });
  });
});

describe('neighbourLane', () => {
  it.each([
    ['unsorted', 1, 'parked'],
    ['parked', 1, 'discarded'],
    ['discarded', 1, 'discarded'],
    ['discarded', -1, 'parked'],
    ['unsorted', -1, 'unsorted'],
  ] as const)('%s %i → %s', (lane, delta, expected) => {
    expect(neighbourLane(lane, delta)).toBe(expected);
  });
});
