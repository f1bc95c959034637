import { ORIGIN, type BoardDoc, type ControlDoc } from '@okr/shared/doc';
import type { PrivateWritingStep } from '@okr/shared/schema';
import { EMPTY_ROOM, useDrafts } from './draftStore.ts';
import { planReveal } from './revealPlan.ts';
import { writeCards } from './writeCards.ts';

/**
 * Publishes this device's drafts for `step`, signed, if the control document says they are due,
 * and settles the store in the same task, so they can never be published twice. Returns the ids
 * written to the board. On an anonymous board, and for drafts the server already holds, the server
 * publishes (handOver.ts): this only keeps count of the reveals seen.
 */
export function publishDue(board: BoardDoc, control: ControlDoc, roomKey: string, step: PrivateWritingStep, me: { id: string; name: string }): string[] {
  const store = useDrafts.getState();
  const entry = store.rooms[roomKey] ?? EMPTY_ROOM;
  const state = control.state();
  const before = entry.publishedFor[step];
  const own = state.anonymous ? [] : (entry.drafts[step] ?? []).filter((d) => !d.handedOver);
  const plan = planReveal({
    drafts: own,
    revealCount: state.reveals[step] ?? 0,
    privateWriting: control.isPrivateWriting(step),
    publishedFor: before,
  });
  if (plan.publish.length === 0 && plan.publishedFor === before) return [];
  const written = writeCards(board, step, plan.publish, me, ORIGIN.reveal);
  store.settle(roomKey, step, plan.publishedFor, plan.publish.map((d) => d.id));
  return written;
}
