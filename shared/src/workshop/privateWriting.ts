import type { ControlState, PrivateWritingStep } from '../schema/index.ts';

/** Silent writing is on for a step until the facilitator turns it off or reveals the drafts. */
export function isPrivateWriting(control: Pick<ControlState, 'privateWriting'>, step: PrivateWritingStep): boolean {
  return control.privateWriting[step] ?? true;
}
