import { describe, expect, it } from 'vitest';
import { ControlDoc } from '../doc/controlDoc.ts';
import type { StepId } from '../schema/index.ts';
import { STEP_IDS } from '../schema/index.ts';
import { asksReady, readiness, readyKey, type ReadyPresence } from './readiness.ts';

const participant = (name: string, ready?: Record<string, boolean>): ReadyPresence => ({ user: { name, role: 'participant' }, ready });

describe('readiness', () => {
  it.each([
    ['nobody here', [], 'draft@1', [], []],
    ['by name, in order', [participant('Cy', { 'draft@1': true }), participant('Ana', { 'draft@1': true }), participant('Ben')], 'draft@1', ['Ana', 'Cy'], ['Ben']],
    ['not the facilitator', [{ user: { name: 'Fay', role: 'facilitator' }, ready: { 'draft@1': true } }, participant('Ana')], 'draft@1', [], ['Ana']],
    ['not a mark from an earlier visit of the step', [participant('Ana', { 'draft@1': true })], 'draft@3', [], ['Ana']],
    ['not a mark on another step', [participant('Ana', { 'pick@2': true })], 'draft@2', [], ['Ana']],
    ['a mark taken back', [participant('Ana', { 'draft@1': false })], 'draft@1', [], ['Ana']],
  ])('%s', (_name, people, key, ready, waiting) => {
    expect(readiness(people, key)).toEqual({ ready, waiting });
  });

  it.each<[string, StepId[], string]>([
    ['a new board', [], 'context@0'],
    ['a move', ['draft'], 'draft@1'],
    ['going back', ['draft', 'pick', 'draft'], 'draft@3'],
    ['the same step again is no move', ['draft', 'draft'], 'draft@1'],
  ])('each move starts a new visit: %s', (_name, moves, key) => {
    const control = new ControlDoc();
    for (const step of moves) control.setStep(step);
    const { step, stepVisit } = control.state();
    expect(readyKey(step, stepVisit)).toBe(key);
  });

  it('asks "are you done?" on every step with work to finish, not on the Summary', () => {
    expect(Object.fromEntries(STEP_IDS.map((step) => [step, asksReady(step)]))).toEqual({
      context: true,
      draft: true,
      pick: true,
      park: true,
      brainstorm: true,
      refine: true,
      summary: false,
    });
  });
});
