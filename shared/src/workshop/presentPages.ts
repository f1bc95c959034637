import type { StepId } from '../schema/index.ts';

/**
 * How many items one projector page holds: what a room reads from the back at 28 px and more.
 * The projector's type scales with the screen's width, so a page that fits 1920×1080 fits any 16:9.
 */
// Parked items: four across and two rows, so Park's realistic 2 unsorted and 6 parked are one page.
export const PER_PAGE = { groups: 6, parked: 8, initiatives: 4 } as const;

/** What is on the board, counted the way the projector lays it out. */
export type PresentCounts = {
  context: number;
  candidateGroups: number;
  unsorted: number;
  parked: number;
  keyResults: number;
  initiatives: number;
  /** A canvas step's pages at a readable size (`canvasPages`); 0 for an empty canvas or another step. */
  canvasPages: number;
};

/** One projector page: what it shows, and for lists the items `from` (inclusive) to `to` (exclusive). */
export type PresentPage =
  | { kind: 'groups' | 'parked' | 'initiatives'; from: number; to: number }
  | { kind: 'keyResult'; index: number }
  | { kind: 'overview' | 'okr' | 'decision' | 'agenda' }
  /** A canvas step: region `index` of its canvas at a readable size (or the facilitator's view, when they lead). */
  | { kind: 'canvas'; index: number };

function chunks(kind: 'groups' | 'parked' | 'initiatives', count: number, size: number): PresentPage[] {
  const pages: PresentPage[] = [];
  for (let from = 0; from < count || pages.length === 0; from += size) pages.push({ kind, from, to: Math.min(count, from + size) });
  return pages;
}

/**
 * The pages the projector shows for a step, in the order the facilitator advances them. Every step
 * has at least one. SMART refine gives each key result a page of its own after an overview; the
 * Summary is the OKR, then initiatives, parked items, the decision record and the agenda.
 * Example: `presentPages('refine', { ...counts, keyResults: 5 })` has 6 pages.
 */
export function presentPages(step: StepId, counts: PresentCounts): PresentPage[] {
  switch (step) {
    case 'context':
    case 'draft':
    case 'brainstorm':
      // A canvas zoomed to fit is unreadable from the back of the room: its regions, one per page, at a readable size.
      return Array.from({ length: Math.max(1, counts.canvasPages) }, (_, index) => ({ kind: 'canvas' as const, index }));
    case 'pick':
      return chunks('groups', counts.candidateGroups, PER_PAGE.groups);
    case 'park':
      // The candidates still to sort come first: they are what the room is deciding on.
      return chunks('parked', counts.unsorted + counts.parked, PER_PAGE.parked);
    case 'refine':
      return [{ kind: 'overview' }, ...Array.from({ length: counts.keyResults }, (_, index) => ({ kind: 'keyResult' as const, index }))];
    case 'summary':
      return [
        { kind: 'okr' },
        ...(counts.initiatives > 0 ? chunks('initiatives', counts.initiatives, PER_PAGE.initiatives) : []),
        ...(counts.parked > 0 ? chunks('parked', counts.parked, PER_PAGE.parked) : []),
        { kind: 'decision' },
        { kind: 'agenda' },
      ];
  }
}

/** The page the projector shows: the facilitator's, held to the last one when cards went away. */
export function shownPage(pageCount: number, requested: number): number {
  return Math.max(0, Math.min(pageCount - 1, requested));
}
