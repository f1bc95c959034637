import { describe, expect, it } from 'vitest';
import type { StepLogEntry } from '../schema/index.ts';
import { actualMs, agendaReport, logFromActuals, logMove, plannedMinutes, timerOnArrival, totalPlannedMinutes } from './agenda.ts';

const MIN = 60_000;
const log = (...moves: [StepLogEntry['step'], number][]): StepLogEntry[] => moves.map(([step, minute]) => ({ step, at: minute * MIN }));

describe('planned minutes', () => {
  it.each([
    ['the 90-minute plan by default', {}, 'draft', 20],
    ['pick and park share 20', {}, 'pick', 10],
    ['the facilitator’s timebox wins', { refine: 30 }, 'refine', 30],
    ['the Summary has none', { refine: 30 }, 'summary', 0],
  ] as const)('%s', (_name, agenda, step, minutes) => {
    expect(plannedMinutes(agenda, step)).toBe(minutes);
  });

  it.each([
    [{}, 90],
    [{ context: 15 }, 95],
    [{ context: 5, refine: 10 }, 80],
  ])('a plan of %o lasts %i minutes', (agenda, total) => {
    expect(totalPlannedMinutes(agenda)).toBe(total);
  });
});

describe('the step log', () => {
  it.each([
    ['a move is appended', log(['context', 0]), 'draft', 10, log(['context', 0], ['draft', 10])],
    ['a move to the step it is on records nothing', log(['context', 0]), 'context', 10, log(['context', 0])],
    ['the first move starts the log', [], 'draft', 3, log(['draft', 3])],
    ['going back is a new visit', log(['context', 0], ['draft', 10]), 'context', 12, log(['context', 0], ['draft', 10], ['context', 12])],
  ] as const)('%s', (_name, before, step, minute, after) => {
    expect(logMove(before, step, minute * MIN)).toEqual(after);
  });

  it('keeps the latest moves when it is full', () => {
    let moves: StepLogEntry[] = [];
    for (let i = 0; i < 600; i++) moves = logMove(moves, i % 2 ? 'draft' : 'context', i);
    expect(moves).toHaveLength(500);
    expect(moves.at(-1)).toEqual({ step: 'draft', at: 599 });
  });
});

describe('actual time: summed visits between logged moves', () => {
  it.each([
    ['nothing logged, nothing counted', [], 100, {}],
    ['the current step runs until now', log(['context', 0]), 7, { context: 7 }],
    ['each visit ends at the next move', log(['context', 0], ['draft', 10], ['pick', 32]), 40, { context: 10, draft: 22, pick: 8 }],
    ['visits of one step add up', log(['context', 0], ['draft', 10], ['context', 15], ['draft', 18]), 30, { context: 13, draft: 17 }],
    ['the Summary is not timed', log(['refine', 0], ['summary', 15]), 99, { refine: 15, summary: 0 }],
    ['a move logged before the one before it counts as zero', log(['context', 10], ['draft', 8]), 12, { context: 0, draft: 4 }],
  ] as const)('%s', (_name, moves, nowMinute, minutes) => {
    const spent = actualMs(moves, nowMinute * MIN);
    expect(Object.fromEntries(Object.entries(spent).map(([step, ms]) => [step, ms / MIN]))).toEqual(minutes);
  });

  it('reports planned against actual for the six steps, rounded to minutes', () => {
    const report = agendaReport({ draft: 25 }, [{ step: 'context', at: 0 }, { step: 'draft', at: 12.4 * MIN }], 30 * MIN);
    expect(report.map((row) => [row.step, row.plannedMinutes, row.actualMinutes])).toEqual([
      ['context', 10, 12],
      ['draft', 25, 18],
      ['pick', 10, 0],
      ['park', 10, 0],
      ['brainstorm', 25, 0],
      ['refine', 15, 0],
    ]);
  });

  it('says "not recorded" (null), not zero, while nothing is logged', () => {
    expect(agendaReport({}, [], 30 * MIN).map((row) => row.actualMinutes)).toEqual([null, null, null, null, null, null]);
  });
});

describe('the timer on arriving at a step', () => {
  it.each([
    ['started with the timebox when the facilitator wants it', {}, 'draft', true, { status: 'running', durationMs: 20 * MIN, remainingMs: 20 * MIN, endsAt: 1_000 + 20 * MIN }],
    ['the edited timebox', { draft: 5 }, 'draft', true, { status: 'running', durationMs: 5 * MIN, remainingMs: 5 * MIN, endsAt: 1_000 + 5 * MIN }],
    ['otherwise none: the last step’s "Time is up" stays behind', {}, 'draft', false, { status: 'idle', durationMs: 0, remainingMs: 0 }],
    ['never on the Summary', {}, 'summary', true, { status: 'idle', durationMs: 0, remainingMs: 0 }],
  ] as const)('%s', (_name, agenda, step, autoStart, timer) => {
    expect(timerOnArrival(agenda, step, autoStart, 1_000)).toEqual(timer);
  });
});

describe('a step log rebuilt from an export’s actual times', () => {
  const rows = (...minutes: (number | null)[]) => (['context', 'draft', 'pick'] as const).map((step, i) => ({ step, actualMinutes: minutes[i] ?? null }));
  it.each([
    ['visits end to end, ending on the Summary', rows(10, 22, 8), [['context', 60], ['draft', 70], ['pick', 92], ['summary', 100]]],
    ['steps never visited are left out', rows(10, 0, 5), [['context', 85], ['pick', 95], ['summary', 100]]],
    ['no recorded time gives no log', rows(null, null, null), []],
  ] as const)('%s', (_name, input, expected) => {
    const log = logFromActuals(input, 100 * MIN);
    expect(log.map((entry) => [entry.step, entry.at / MIN])).toEqual(expected);
    if (log.length > 0) expect(agendaReport({}, log, 999 * MIN).slice(0, 3).map((row) => row.actualMinutes)).toEqual(input.map((row) => row.actualMinutes));
  });
});
