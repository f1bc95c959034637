import { describe, expect, it } from 'vitest';
import { DocSequence } from './docSequence.ts';

describe('DocSequence', () => {
  it.each([
    { start: 0, held: [], seq: 1, arrival: 'apply', applied: 0 },
    { start: 4, held: [], seq: 4, arrival: 'duplicate', applied: 4 },
    { start: 4, held: [], seq: 6, arrival: 'gap', applied: 4 },
    { start: 4, held: [6], seq: 6, arrival: 'duplicate', applied: 4 },
    { start: 4, held: [6], seq: 5, arrival: 'apply', applied: 4 },
    { start: 4, held: [5], seq: 6, arrival: 'apply', applied: 5 },
    { start: 4, held: [6, 5], seq: 7, arrival: 'apply', applied: 6 },
    { start: 4, held: [8, 6], seq: 7, arrival: 'gap', applied: 4 },
    { start: 4, held: [3, 2], seq: 5, arrival: 'apply', applied: 4 },
  ] as const)('from $start holding $held, #$seq is $arrival (applied $applied)', ({ start, held, seq, arrival, applied }) => {
    const sequence = new DocSequence(start);
    for (const s of held) sequence.hold(s);
    expect(sequence.arrival(seq)).toBe(arrival);
    expect(sequence.applied).toBe(applied);
  });

  it.each([
    { start: 3, held: [], head: 3, behind: false },
    { start: 3, held: [], head: 4, behind: true },
    { start: 3, held: [5], head: 5, behind: true },
    { start: 3, held: [5, 4], head: 5, behind: false },
  ])('from $start holding $held, head $head: behind $behind', ({ start, held, head, behind }) => {
    const sequence = new DocSequence(start);
    for (const s of held) sequence.hold(s);
    expect(sequence.isBehind(head)).toBe(behind);
  });

  it.each([
    { start: 3, held: [], through: 2, applied: 3 },
    { start: 3, held: [], through: 9, applied: 9 },
    { start: 3, held: [5, 11], through: 9, applied: 9 },
    { start: 3, held: [10, 11, 13], through: 9, applied: 11 },
  ])('from $start holding $held, a snapshot through $through gives $applied', ({ start, held, through, applied }) => {
    const sequence = new DocSequence(start);
    for (const s of held) sequence.hold(s);
    sequence.holdThrough(through);
    expect(sequence.applied).toBe(applied);
  });
});
