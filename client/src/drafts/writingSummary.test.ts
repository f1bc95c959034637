import { describe, expect, it } from 'vitest';
import { summarizeWriting, writingLine, type WriterPresence } from './writingSummary.ts';

const person = (id: string, name: string, drafts?: Record<string, number>, ready?: Record<string, boolean>): WriterPresence => ({
  seatId: id,
  user: { name, role: 'participant' },
  drafts,
  ready,
});

describe('summarizeWriting', () => {
  it.each([
    ['nobody here', [], 'draft', 0, [], [], '0 written · 0 people writing'],
    ['one writer, one idle', [person('a', 'Ana', { draft: 2 }), person('b', 'Ben')], 'draft', 2, ['Ana'], ['Ben'], '2 written · 1 person writing'],
    ['most drafts first, then by name', [person('c', 'Cy', { draft: 1 }), person('a', 'Ana', { draft: 1 }), person('b', 'Ben', { draft: 3 })], 'draft', 5, ['Ben', 'Ana', 'Cy'], [], '5 written · 3 people writing'],
    ['counts only the asked step', [person('a', 'Ana', { draft: 0, brainstorm: 4 })], 'draft', 0, [], ['Ana'], '0 written · 0 people writing'],
    ['brainstorm step', [person('a', 'Ana', { draft: 2, brainstorm: 1 })], 'brainstorm', 1, ['Ana'], [], '1 written · 1 person writing'],
  ] as const)('%s', (_name, people, step, written, writers, notStarted, line) => {
    const summary = summarizeWriting(people, step, `${step}@1`);
    expect(summary.written).toBe(written);
    expect(summary.writers.map((w) => w.name)).toEqual(writers);
    expect(summary.notStarted.map((w) => w.name)).toEqual(notStarted);
    expect(writingLine(summary)).toBe(line);
  });

  it('marks this device and who said they are done', () => {
    const summary = summarizeWriting([{ ...person('me', 'Me', { draft: 1 }, { 'draft@1': true }), isMe: true }, person('b', 'Ben')], 'draft', 'draft@1');
    expect(summary.writers[0]).toMatchObject({ isMe: true, ready: true, count: 1 });
  });
});
