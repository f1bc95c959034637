import type { StepId } from '../schema/index.ts';
import { stepInfo } from './steps.ts';

/**
 * The presence key of "I'm done" for one visit of a step. Each move between steps starts a new
 * visit, so marks given before (on this step earlier, or anywhere else) never count again.
 * @example readyKey('draft', 3) // → 'draft@3'
 */
export function readyKey(step: StepId, visit: number): string {
  return `${step}@${visit}`;
}

/**
 * Whether a step asks "are you done?": the workshop's steps have work to finish; the Summary only
 * shows the result, so a count of people done there would count nothing.
 * @example asksReady('summary') // → false
 */
export function asksReady(step: StepId): boolean {
  return stepInfo(step).number !== null;
}

/** The part of a person's presence the ready check reads. */
export type ReadyPresence = { user: { name: string; role: string }; ready?: Record<string, boolean> };

export type Readiness = { ready: string[]; waiting: string[] };

/**
 * Participants who said they are done with this visit, and those the room still waits for, by name.
 * The facilitator is never counted.
 * @example readiness([{ user: { name: 'Ana', role: 'participant' }, ready: { 'draft@1': true } }], 'draft@1') // → { ready: ['Ana'], waiting: [] }
 */
export function readiness(people: readonly ReadyPresence[], key: string): Readiness {
  const participants = people.filter((p) => p.user.role === 'participant');
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    ready: participants.filter((p) => p.ready?.[key] === true).map((p) => p.user.name).sort(byName),
    waiting: participants.filter((p) => p.ready?.[key] !== true).map((p) => p.user.name).sort(byName),
  };
}
