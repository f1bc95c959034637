import * as Y from 'yjs';
import { controlStateSchema, MAX_TIMEBOX_MINUTES, type Agenda, type ControlState, type Objective, type PrivateWritingStep, type Spotlight, type StepId, type Timer, type Voting } from '../schema/index.ts';
import { logMove, timerOnArrival } from '../workshop/agenda.ts';
import { isPrivateWriting } from '../workshop/privateWriting.ts';
import { writeObjective } from './objectiveText.ts';
import { ORIGIN, type Origin } from './origins.ts';

/** Typed access to the control document. Reads never throw: a bad value falls back to its default. */
export class ControlDoc {
  private readonly map: Y.Map<unknown>;
  private cache: ControlState | null = null;

  constructor(readonly ydoc: Y.Doc = new Y.Doc()) {
    this.map = ydoc.getMap('control');
    // Deep: THE objective's text changes inside a nested map once upgraded.
    this.map.observeDeep(() => {
      this.cache = null;
    });
  }

  state(): ControlState {
    this.cache ??= controlStateSchema.parse(this.map.toJSON());
    return this.cache;
  }

  subscribe(listener: () => void): () => void {
    this.ydoc.on('afterTransaction', listener);
    return () => this.ydoc.off('afterTransaction', listener);
  }

  /** Writes the given keys in one facilitator transaction, validating each. */
  set(patch: Partial<ControlState>, origin: Origin = ORIGIN.facilitator): void {
    const next = controlStateSchema.parse({ ...this.state(), ...patch });
    this.ydoc.transact(() => {
      for (const key of Object.keys(patch) as (keyof ControlState)[]) {
        if (key === 'objective') writeObjective(this.map, next.objective);
        else this.map.set(key, next[key]);
      }
    }, origin);
  }

  /**
   * Moves the group at `at` (server ms): a new visit of the step, so everyone's "I'm done" starts
   * over; the move is logged for the agenda's actual times; the projector starts at the step's first
   * page; and the last step's timer stays behind (the new step's timebox starts when `startTimer`).
   */
  setStep(step: StepId, at: number = Date.now(), { startTimer = false }: { startTimer?: boolean } = {}): void {
    const { step: current, stepVisit, stepLog, agenda } = this.state();
    if (step === current) return;
    this.set({ step, stepVisit: stepVisit + 1, stepLog: logMove(stepLog, step, at), presentPage: 0, timer: timerOnArrival(agenda, step, startTimer, at) });
  }

  /** Starting the first timer starts the workshop's clock too, when no move has yet. */
  setTimer(timer: Timer): void {
    const { stepLog, step } = this.state();
    const startsClock = stepLog.length === 0 && timer.status === 'running' && timer.endsAt !== undefined;
    this.set(startsClock ? { timer, stepLog: logMove([], step, timer.endsAt! - timer.remainingMs) } : { timer });
  }

  /** The page of the current step the projector shows. */
  setPresentPage(page: number): void {
    this.set({ presentPage: Math.max(0, Math.round(page)) });
  }

  /** Puts one card, cluster, key result or finding in front of the room; null clears it. */
  setSpotlight(spotlight: Spotlight | null): void {
    this.set({ spotlight });
  }

  /** The facilitator's timebox for one step, in whole minutes; throws a message a facilitator can act on. */
  setTimebox(step: StepId, minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_TIMEBOX_MINUTES) {
      throw new RangeError(`A timebox is a whole number of minutes from 1 to ${MAX_TIMEBOX_MINUTES}, not ${minutes}.`);
    }
    const agenda: Agenda = { ...this.state().agenda, [step]: minutes };
    this.set({ agenda });
  }

  setVoting(voting: Voting): void {
    this.set({ voting });
  }

  setObjective(objective: Objective | null): void {
    this.set({ objective });
  }

  /** Replaces the step's discussion notes; blank notes are removed. */
  setNotes(step: StepId, text: string): void {
    const { [step]: _old, ...others } = this.state().notes;
    this.set({ notes: text.trim() ? { ...others, [step]: text } : others });
  }

  isPrivateWriting(step: PrivateWritingStep): boolean {
    return isPrivateWriting(this.state(), step);
  }

  setPrivateWriting(step: PrivateWritingStep, on: boolean): void {
    this.set({ privateWriting: { ...this.state().privateWriting, [step]: on } });
  }

  /** Shows the room how it voted on these key results' confidence; the votes stay blind until then. */
  revealConfidence(keyResultIds: readonly string[]): void {
    this.setConfidenceRevealed(keyResultIds, true);
  }

  hideConfidence(keyResultId: string): void {
    this.setConfidenceRevealed([keyResultId], false);
  }

  private setConfidenceRevealed(keyResultIds: readonly string[], revealed: boolean): void {
    this.set({ confidenceRevealed: { ...this.state().confidenceRevealed, ...Object.fromEntries(keyResultIds.map((id) => [id, revealed])) } });
  }

  /** Publishes everyone's drafts for the step: each client sees the count rise and publishes its own. */
  reveal(step: PrivateWritingStep): void {
    const reveals = this.state().reveals;
    this.set({ reveals: { ...reveals, [step]: (reveals[step] ?? 0) + 1 }, privateWriting: { ...this.state().privateWriting, [step]: false } });
  }
}
