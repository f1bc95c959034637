import { describe, expect, it } from 'vitest';
import type { Candidate, ParkedItem } from '../schema/index.ts';
import { candidateStatus, parkedCandidateIds } from './candidateStatus.ts';

const cand = (id: string, discarded = false): Candidate => ({ id, text: id, order: 1, ...(discarded ? { discarded } : {}) });
const park = (id: string, candidateId?: string): ParkedItem => ({ id, text: id, reason: 'later', order: 1, ...(candidateId ? { candidateId } : {}) });

describe('candidateStatus', () => {
  it.each([
    ['THE objective is chosen', cand('a'), { candidateId: 'a' }, [], 'chosen'],
    ['chosen beats parked', cand('a'), { candidateId: 'a' }, [park('p', 'a')], 'chosen'],
    ['a note of the chosen cluster is chosen', cand('b'), { candidateId: 'k', fromNotes: [{ id: 'b', text: 'b' }] }, [park('p', 'b')], 'chosen'],
    ['a note outside the chosen cluster is not', cand('c'), { candidateId: 'k', fromNotes: [{ id: 'b', text: 'b' }] }, [], 'unsorted'],
    ['a parked candidate is parked', cand('b'), { candidateId: 'a' }, [park('p', 'b')], 'parked'],
    ['parked beats discarded', cand('b', true), { candidateId: 'a' }, [park('p', 'b')], 'parked'],
    ['a discarded one is discarded', cand('b', true), null, [], 'discarded'],
    ['the rest is unsorted', cand('b'), undefined, [park('p'), park('q', 'c')], 'unsorted'],
  ] as const)('%s', (_name, candidate, chosen, parked, status) => {
    expect(candidateStatus(candidate, chosen, parkedCandidateIds(parked))).toBe(status);
  });
});
