import { describe, expect, it } from 'vitest';
import { presentPages, shownPage, type PresentCounts } from './presentPages.ts';

// Issue 10's realistic board: 8 context cards, 10 candidates in 3 groups (4 with the loner), 6 parked, 5 key results, 3 initiatives.
const REALISTIC: PresentCounts = { context: 8, candidateGroups: 4, unsorted: 0, parked: 6, keyResults: 5, initiatives: 3, canvasPages: 2 };
const EMPTY: PresentCounts = { context: 0, candidateGroups: 0, unsorted: 0, parked: 0, keyResults: 0, initiatives: 0, canvasPages: 0 };

describe('projector pages', () => {
  it.each([
    ['context: a page per region of its canvas', 'context', REALISTIC, [{ kind: 'canvas', index: 0 }, { kind: 'canvas', index: 1 }]],
    ['an empty canvas still has its page', 'context', EMPTY, [{ kind: 'canvas', index: 0 }]],
    ['an empty step still has its page', 'pick', EMPTY, [{ kind: 'groups', from: 0, to: 0 }]],
    ['draft: one region', 'draft', { ...REALISTIC, canvasPages: 1 }, [{ kind: 'canvas', index: 0 }]],
    ['pick: 7 groups on two pages', 'pick', { ...REALISTIC, candidateGroups: 7 }, [{ kind: 'groups', from: 0, to: 6 }, { kind: 'groups', from: 6, to: 7 }]],
    ['park: 6 parked', 'park', REALISTIC, [{ kind: 'parked', from: 0, to: 6 }]],
    ['park: 2 unsorted and 6 parked on one page', 'park', { ...REALISTIC, unsorted: 2 }, [{ kind: 'parked', from: 0, to: 8 }]],
    ['park: 4 unsorted before 6 parked, eight a page', 'park', { ...REALISTIC, unsorted: 4 }, [{ kind: 'parked', from: 0, to: 8 }, { kind: 'parked', from: 8, to: 10 }]],
    ['summary: only the parked items, not the unsorted', 'summary', { ...EMPTY, unsorted: 3, parked: 1 }, [{ kind: 'okr' }, { kind: 'parked', from: 0, to: 1 }, { kind: 'decision' }, { kind: 'agenda' }]],
    ['brainstorm: key results and initiatives on the same pages', 'brainstorm', REALISTIC, [{ kind: 'canvas', index: 0 }, { kind: 'canvas', index: 1 }]],
    [
      'refine: an overview, then one key result per page',
      'refine',
      REALISTIC,
      [{ kind: 'overview' }, ...[0, 1, 2, 3, 4].map((index) => ({ kind: 'keyResult', index }))],
    ],
    [
      'summary: OKR, initiatives, parked, decision, agenda',
      'summary',
      REALISTIC,
      [{ kind: 'okr' }, { kind: 'initiatives', from: 0, to: 3 }, { kind: 'parked', from: 0, to: 6 }, { kind: 'decision' }, { kind: 'agenda' }],
    ],
    ['summary without initiatives or parked items', 'summary', EMPTY, [{ kind: 'okr' }, { kind: 'decision' }, { kind: 'agenda' }]],
  ] as const)('%s', (_name, step, counts, pages) => {
    expect(presentPages(step, counts)).toEqual(pages);
  });

  it.each([
    [6, 0, 0],
    [6, 3, 3],
    [6, 9, 5],
    [1, 4, 0],
  ])('of %i pages, asking for %i shows %i', (count, requested, shown) => {
    expect(shownPage(count, requested)).toBe(shown);
  });
});
