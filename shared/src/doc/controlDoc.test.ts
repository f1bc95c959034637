import { describe, expect, it } from 'vitest';
import { startTimer } from '../workshop/timer.ts';
import { ControlDoc } from './controlDoc.ts';

const MIN = 60_000;

describe('ControlDoc: moves, pages, spotlight and agenda', () => {
  it('a move logs its time, starts the projector at the first page and leaves the last step’s timer behind', () => {
    const control = new ControlDoc();
    control.setTimer(startTimer(10 * MIN, 0));
    control.setPresentPage(3);
    control.setStep('draft', 12 * MIN);
    expect(control.state()).toMatchObject({
      step: 'draft',
      stepVisit: 1,
      presentPage: 0,
      timer: { status: 'idle' },
      stepLog: [{ step: 'context', at: 0 }, { step: 'draft', at: 12 * MIN }],
    });
  });

  it('with the facilitator’s preference, a move starts the step’s timebox', () => {
    const control = new ControlDoc();
    control.setTimebox('draft', 7);
    control.setStep('draft', 5 * MIN, { startTimer: true });
    expect(control.state().timer).toEqual({ status: 'running', durationMs: 7 * MIN, remainingMs: 7 * MIN, endsAt: 12 * MIN });
  });

  it.each([
    ['a spotlight', { kind: 'keyResult', id: 'kr-1' } as const],
    ['a cleared spotlight', null],
  ])('keeps %s', (_name, spotlight) => {
    const control = new ControlDoc();
    control.setSpotlight({ kind: 'candidate', id: 'c-1' });
    control.setSpotlight(spotlight);
    expect(control.state().spotlight).toEqual(spotlight);
  });

  it.each([
    ['a timebox of zero minutes', 0],
    ['a timebox past a day', 481],
    ['a fraction of a minute', 2.5],
  ])('refuses %s', (_name, minutes) => {
    expect(() => new ControlDoc().setTimebox('refine', minutes)).toThrow();
  });
});
