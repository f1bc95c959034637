import { describe, expect, it } from 'vitest';
import type { Candidate, Objective } from '../schema/index.ts';
import type { BallotCandidate } from './ballotCandidates.ts';
import { decide, defaultCandidateId, tiedWith, topIds, voteLine, type DecisionDraft, type TallyEntry } from './decision.ts';

const cards: Candidate[] = [
  { id: 'a', text: 'Checkout feels effortless', order: 1 },
  { id: 'b', text: 'Grow repeat purchases', order: 2 },
];
const candidates: BallotCandidate[] = cards.map((c) => ({ id: c.id, text: c.text, notes: null }));
const tally: TallyEntry[] = [
  { candidateId: 'b', text: 'Grow repeat purchases', votes: 5 },
  { candidateId: 'a', text: 'Checkout feels effortless', votes: 3 },
];
const draft: DecisionDraft = { candidateId: 'b', title: ' Customers come back ', description: '', commitment: 'committed', rationale: 'Most dots; retention is our weakest metric.' };
const now = new Date('2025-06-02T10:00:00Z');
const previous: Objective = { candidateId: 'a', title: 'Old', commitment: 'aspirational', contextIds: ['ctx1'], tally: [], decidedAt: '2025-06-02T09:00:00.000Z' };

describe('decide', () => {
  it.each([
    ['no candidate', { candidateId: 'zzz' }, ['candidateId']],
    ['no wording', { title: '   ' }, ['title']],
    ['no rationale', { rationale: '' }, ['rationale']],
    ['wording too long', { title: 'x'.repeat(501) }, ['title']],
    ['nothing filled in', { candidateId: '', title: '', rationale: '' }, ['candidateId', 'title', 'rationale']],
  ] as const)('refuses: %s', (_name, patch, fields) => {
    const result = decide({ ...draft, ...patch }, { candidates, tally, previous: null, now });
    expect('errors' in result ? Object.keys(result.errors).sort() : []).toEqual([...fields].sort());
  });

  it('builds the objective with the tally and the rationale, trimmed', () => {
    expect(decide(draft, { candidates, tally, previous: null, now })).toEqual({
      objective: {
        candidateId: 'b',
        title: 'Customers come back',
        commitment: 'committed',
        contextIds: [],
        tally,
        rationale: 'Most dots; retention is our weakest metric.',
        decidedAt: '2025-06-02T10:00:00.000Z',
      },
    });
  });

  it.each([
    ['keeps an optional description', { description: ' Why it matters ' }, { description: 'Why it matters' }],
    ['records an aspirational commitment', { commitment: 'aspirational' }, { commitment: 'aspirational' }],
  ] as const)('%s', (_name, patch, expected) => {
    const result = decide({ ...draft, ...patch }, { candidates, tally, previous: null, now });
    expect('objective' in result && result.objective).toMatchObject(expected);
  });

  it('keeps the notes of a chosen cluster, with their texts and no authors', () => {
    const notes: Candidate[] = [
      { id: 'n1', text: 'Fewer steps to pay', authorName: 'Ana', order: 1, clusterId: 'k' },
      { id: 'n2', text: 'Pay on the phone', order: 2, clusterId: 'k' },
    ];
    const withCluster = [...candidates, { id: 'k', text: 'Effortless checkout', notes }];
    const result = decide({ ...draft, candidateId: 'k' }, { candidates: withCluster, tally, previous: null, now });
    expect('objective' in result && result.objective).toMatchObject({
      candidateId: 'k',
      fromNotes: [
        { id: 'n1', text: 'Fewer steps to pay' },
        { id: 'n2', text: 'Pay on the phone' },
      ],
    });
  });

  it('keeps the context links of an earlier decision', () => {
    const result = decide(draft, { candidates, tally, previous, now });
    expect('objective' in result && result.objective.contextIds).toEqual(['ctx1']);
  });
});

describe('defaultCandidateId', () => {
  it.each([
    ['the current decision first', tally, previous, 'a'],
    ['else the top of the vote', tally, null, 'b'],
    ['else the first card when nobody voted', tally.map((t) => ({ ...t, votes: 0 })), null, 'a'],
    ['ignores a decision whose card is gone', tally, { ...previous, candidateId: 'gone' }, 'b'],
  ] as const)('%s', (_name, entries, current, expected) => {
    expect(defaultCandidateId(entries, current, candidates)).toBe(expected);
  });

  it('is empty without candidates', () => {
    expect(defaultCandidateId([], null, [])).toBe('');
  });
});

describe('voteLine and topIds', () => {
  const tie: TallyEntry[] = [
    { candidateId: 'a', text: 'A', votes: 4 },
    { candidateId: 'b', text: 'B', votes: 4 },
    { candidateId: 'c', text: 'C', votes: 1 },
  ];
  it.each([
    ['the winner', tally, 'b', '5 of 8 dots, the most'],
    ['a runner-up', tally, 'a', '3 of 8 dots, not the most'],
    ['a tie', tie, 'a', '4 of 9 dots, tied for the most'],
    ['no vote held', tally.map((t) => ({ ...t, votes: 0 })), 'a', 'Chosen without a dot vote'],
  ])('%s', (_name, entries, id, line) => {
    expect(voteLine(entries, id)).toBe(line);
  });

  it.each([
    ['one winner', tally, ['b']],
    ['every card tied at the top', tie, ['a', 'b']],
    ['nobody when no dots', tally.map((t) => ({ ...t, votes: 0 })), []],
    ['nobody when empty', [], []],
  ])('%s', (_name, entries, ids) => {
    expect([...topIds(entries)].sort()).toEqual(ids);
  });
});

describe('tiedWith', () => {
  const entry = (candidateId: string, votes: number): TallyEntry => ({ candidateId, text: candidateId, votes });
  it.each<[string, TallyEntry[], string, string[]]>([
    ['a clear winner', [entry('a', 5), entry('b', 3)], 'a', []],
    ['a tie for the most', [entry('a', 5), entry('b', 5), entry('c', 2)], 'a', ['b']],
    ['a three-way tie', [entry('a', 4), entry('b', 4), entry('c', 4)], 'b', ['a', 'c']],
    ['chosen below the top, tied with another', [entry('a', 6), entry('b', 3), entry('c', 3)], 'b', []],
    ['no dots at all', [entry('a', 0), entry('b', 0)], 'a', []],
    ['no vote', [], 'a', []],
  ])('%s', (_what, votes, chosen, tied) => {
    expect(tiedWith(votes, chosen).map((t) => t.candidateId)).toEqual(tied);
  });
});
