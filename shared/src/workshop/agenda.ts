import { MAX_STEP_LOG, type Agenda, type StepId, type StepLogEntry, type Timer } from '../schema/index.ts';
import { STEPS, stepInfo } from './steps.ts';
import { IDLE_TIMER, startTimer } from './timer.ts';

/** A step's timebox in minutes: the facilitator's, else the 90-minute plan's; the Summary has none. */
export function plannedMinutes(agenda: Agenda, step: StepId): number {
  if (step === 'summary') return 0;
  return agenda[step] ?? stepInfo(step).suggestedMinutes;
}

/** The whole plan's length in minutes. Example: `totalPlannedMinutes({})` is 90. */
export function totalPlannedMinutes(agenda: Agenda): number {
  return STEPS.reduce((sum, step) => sum + plannedMinutes(agenda, step.id), 0);
}

/**
 * The log after the group moves to `step` at `at`. A move to the step it is already on records
 * nothing; past `MAX_STEP_LOG` moves the oldest go.
 */
export function logMove(log: readonly StepLogEntry[], step: StepId, at: number): StepLogEntry[] {
  if (log.at(-1)?.step === step) return [...log];
  return [...log, { step, at: Math.max(0, Math.round(at)) }].slice(-MAX_STEP_LOG);
}

/**
 * Actual time per step, in ms: the sum of its visits. A visit starts at a logged move to the step
 * and ends at the next logged move; the last one runs until `now` (the export's time, or the
 * clock), except on the Summary, which is not timed. Time before the first logged move is not
 * counted: the clock starts when the facilitator first moves the group or starts a timer.
 * A visit that seems to end before it began (two facilitators' clocks) counts as zero.
 */
export function actualMs(log: readonly StepLogEntry[], now: number): Partial<Record<StepId, number>> {
  const spent: Partial<Record<StepId, number>> = {};
  log.forEach((visit, i) => {
    const end = log[i + 1]?.at ?? (visit.step === 'summary' ? visit.at : now);
    spent[visit.step] = (spent[visit.step] ?? 0) + Math.max(0, end - visit.at);
  });
  return spent;
}

export type AgendaRow = { step: StepId; title: string; plannedMinutes: number; actualMinutes: number | null };

/**
 * Planned against actual minutes (rounded to the nearest minute) for each of the six steps. With
 * nothing logged the clock never started, which is not zero minutes: actual is then null.
 */
export function agendaReport(agenda: Agenda, log: readonly StepLogEntry[], now: number): AgendaRow[] {
  const spent = actualMs(log, now);
  return STEPS.filter((step) => step.number !== null).map((step) => ({
    step: step.id,
    title: step.title,
    plannedMinutes: plannedMinutes(agenda, step.id),
    actualMinutes: log.length === 0 ? null : Math.round((spent[step.id] ?? 0) / 60_000),
  }));
}

/**
 * The timer the group finds on arriving at `step`: the step's timebox running when the facilitator
 * starts timers on arrival, else none (offered with the timebox's minutes). Never the last step's
 * timer: its "Time is up" does not follow the group.
 */
export function timerOnArrival(agenda: Agenda, step: StepId, autoStart: boolean, serverNow: number): Timer {
  const minutes = plannedMinutes(agenda, step);
  return autoStart && minutes > 0 ? startTimer(minutes * 60_000, serverNow) : IDLE_TIMER;
}

/**
 * A step log that gives back these actual times, for a board imported from an export: the visits
 * laid end to end in step order, ending at `endAt` on the Summary (which is not timed), so the
 * imported room's record goes on from there. No recorded time (null everywhere) gives no log.
 */
export function logFromActuals(rows: readonly { step: StepId; actualMinutes: number | null }[], endAt: number): StepLogEntry[] {
  const spent = rows.filter((row) => row.actualMinutes !== null && row.actualMinutes > 0);
  if (rows.every((row) => row.actualMinutes === null)) return [];
  let at = endAt - spent.reduce((sum, row) => sum + row.actualMinutes! * 60_000, 0);
  const log: StepLogEntry[] = [];
  for (const row of spent) {
    log.push({ step: row.step, at: Math.max(0, at) });
    at += row.actualMinutes! * 60_000;
  }
  return [...log, { step: 'summary', at: Math.max(0, endAt) }];
}
