import { describe, expect, it } from 'vitest';
import type { KeyResult } from '../schema/index.ts';
import { incompleteKeyResults } from './refineGate.ts';

const CYCLE = { cycleStart: '2026-07-01', cycleEnd: '2026-09-30' };
const kr = (id: string, title: string, fields: Partial<KeyResult> = {}): KeyResult => ({ id, title, order: 1, ...fields });
const owned = { ownerName: 'Ana' };

describe('the gate before the Summary names each card and exactly what it lacks', () => {
  it.each<[string, KeyResult[], typeof CYCLE | undefined, string[]]>([
    ['a bare card lacks every field', [kr('a', 'Improve onboarding')], undefined, ['KR 1 "Improve onboarding": add a baseline, a target, a deadline and an owner.']],
    ['only the owner', [kr('a', 'Churn from 5% to 3% by 30 Sep')], CYCLE, ['KR 1 "Churn from 5% to 3% by 30 Sep": add an owner.']],
    // Issue 15: baseline, target and owner filled, the time check green from the cycle end, yet the gate called the deadline missing.
    ['the cycle end stands in for a deadline, as the Time-bound chip has it', [kr('a', 'Conversion', { baseline: 58, target: 65, ...owned })], CYCLE, []],
    ['without a cycle the deadline is missing', [kr('a', 'Conversion', { baseline: 58, target: 65, ...owned })], undefined, ['KR 1 "Conversion": add a deadline.']],
    ['levels read from the title count', [kr('a', 'Checkout conversion rate from 58% to 65%', owned)], CYCLE, []],
    ['a milestone needs no baseline', [kr('a', 'Launch the new checkout', { type: 'milestone', target: 1, ...owned })], CYCLE, []],
    ['a binary key result needs no levels', [kr('a', 'SOC 2 audit passed', { type: 'binary', ...owned })], CYCLE, []],
    ['an owner known by email alone counts', [kr('a', 'Churn from 5% to 3%', { ownerEmail: 'ana@example.com' })], CYCLE, []],
    ['numbers each card by its place', [kr('a', 'Churn from 5% to 3%', owned), kr('b', 'NPS > 40')], CYCLE, ['KR 2 "NPS > 40": add a baseline and an owner.']],
  ])('%s', (_name, keyResults, cycle, lines) => {
    expect(incompleteKeyResults(keyResults, cycle, 2026).map((item) => item.message)).toEqual(lines);
  });

  it('says which card each line is about, for the jump to it', () => {
    expect(incompleteKeyResults([kr('a', 'Churn from 5% to 3%', owned), kr('b', 'NPS > 40')], CYCLE)).toEqual([
      { message: 'KR 2 "NPS > 40": add a baseline and an owner.', keyResultId: 'b', cardName: 'KR 2 "NPS > 40"', missing: ['baseline', 'owner'] },
    ]);
  });
});
