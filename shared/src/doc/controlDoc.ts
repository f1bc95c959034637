import * as Y from 'yjs';
import { z } from 'zod';
import {
  objectiveSchema,
  PRIVATE_WRITING_STEPS,
  STEP_IDS,
  timerSchema,
  votingSchema,
  type Objective,
  type PrivateWritingStep,
  type StepId,
  type Timer,
  type Voting,
} from '../schema/index.ts';
import { writeObjective } from './objectiveText.ts';
import { ORIGIN, type Origin } from './origins.ts';

const perStepFlagSchema = z.partialRecord(z.enum(PRIVATE_WRITING_STEPS), z.boolean());
const perStepCountSchema = z.partialRecord(z.enum(PRIVATE_WRITING_STEPS), z.number().int().min(0));

/** Facilitator-owned state: the server lets only a facilitator's connection change this document. */
export const controlStateSchema = z.object({
  step: z.enum(STEP_IDS).catch('context'),
  timer: timerSchema.catch({ status: 'idle', durationMs: 0, remainingMs: 0 }),
  voting: votingSchema.catch({ roundId: '', status: 'idle', dotsPerPerson: 3, capPerItem: 2 }),
  /** Silent writing on or off, per step that has it (on by default). */
  privateWriting: perStepFlagSchema.catch({}),
  /** How many reveals each step has had; a client publishes its drafts when this goes up. */
  reveals: perStepCountSchema.catch({}),
  anonymous: z.boolean().catch(false),
  locked: z.boolean().catch(false),
  objective: objectiveSchema.nullable().catch(null),
  /**
   * The participant link, published by the facilitator so the projector can show it as a QR code.
   * Null hides it: viewers then learn nothing about the room id.
   */
  joinUrl: z.url().max(500).nullable().catch(null),
  /** Key results whose blind confidence votes are revealed. */
  confidenceRevealed: z.record(z.string(), z.boolean()).catch({}),
});
export type ControlState = z.infer<typeof controlStateSchema>;

export const DEFAULT_CONTROL: ControlState = controlStateSchema.parse({});

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

  setStep(step: StepId): void {
    this.set({ step });
  }

  setTimer(timer: Timer): void {
    this.set({ timer });
  }

  setVoting(voting: Voting): void {
    this.set({ voting });
  }

  setObjective(objective: Objective | null): void {
    this.set({ objective });
  }

  isPrivateWriting(step: PrivateWritingStep): boolean {
    return this.state().privateWriting[step] ?? true;
  }

  setPrivateWriting(step: PrivateWritingStep, on: boolean): void {
    this.set({ privateWriting: { ...this.state().privateWriting, [step]: on } });
  }

  /** Publishes everyone's drafts for the step: each client sees the count rise and publishes its own. */
  reveal(step: PrivateWritingStep): void {
    const reveals = this.state().reveals;
    this.set({ reveals: { ...reveals, [step]: (reveals[step] ?? 0) + 1 }, privateWriting: { ...this.state().privateWriting, [step]: false } });
  }
}
