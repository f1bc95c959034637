import { describe, expect, it } from 'vitest';
import type { Active, Over } from '@dnd-kit/core';
import type { Candidate, ParkedItem } from '@okr/shared/schema';
import { isLane, laneAnnouncements } from './laneDnd.ts';
import type { LaneItem } from '@okr/shared/workshop';

const candidate: Candidate = { id: 'b', text: 'Grow repeat purchases', order: 1 };
const free: ParkedItem = { id: 'p1', text: 'Rebuild the app', reason: 'later', order: 1 };
const items: Record<string, LaneItem> = {
  'c:b': { key: 'c:b', lane: 'unsorted', text: candidate.text, candidate, nearObjective: false, isObjective: false },
  'p:p1': { key: 'p:p1', lane: 'parked', text: free.text, parked: free, nearObjective: false, isObjective: false },
};
const say = laneAnnouncements((key) => items[key]);
const active = (id: string) => ({ id }) as unknown as Active;
const over = (id: string | null) => (id ? ({ id } as unknown as Over) : null);

describe('drag announcements', () => {
  it.each([
    ['start', say.onDragStart({ active: active('c:b') }), 'Picked up "Grow repeat purchases" from Unsorted.'],
    ['over a lane', say.onDragOver({ active: active('c:b'), over: over('discarded') }), '"Grow repeat purchases" is over Discarded.'],
    ['over nothing', say.onDragOver({ active: active('c:b'), over: null }), '"Grow repeat purchases" is not over a lane.'],
    ['dropped on its own lane', say.onDragEnd({ active: active('c:b'), over: over('unsorted') }), '"Grow repeat purchases" stays in Unsorted.'],
    ['dropped on Parked', say.onDragEnd({ active: active('c:b'), over: over('parked') }), '"Grow repeat purchases" dropped on Parked: give a reason to park it.'],
    ['dropped on Discarded', say.onDragEnd({ active: active('c:b'), over: over('discarded') }), '"Grow repeat purchases" moved to Discarded.'],
    ['dropped outside', say.onDragEnd({ active: active('c:b'), over: null }), '"Grow repeat purchases" was dropped outside the lanes: nothing changed.'],
    ['refused', say.onDragEnd({ active: active('p:p1'), over: over('unsorted') }), '"Rebuild the app" was never a candidate objective: edit or remove it in the parking lot instead.'],
    ['cancelled', say.onDragCancel({ active: active('c:b'), over: over('parked') }), 'Moving "Grow repeat purchases" was cancelled: it stays in Unsorted.'],
  ])('%s', (_name, said, expected) => {
    expect(said).toBe(expected);
  });

  it.each([
    ['unsorted', true],
    ['parked', true],
    ['discarded', true],
    ['c:b', false],
    [undefined, false],
  ])('isLane(%j) is %s', (value, expected) => {
    expect(isLane(value)).toBe(expected);
  });
});
