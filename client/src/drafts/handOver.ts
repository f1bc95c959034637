import type { Draft } from './draftStore.ts';

/** What this device does with one step's drafts now (see planHandOver). */
export type HandOverPlan = {
  /** Drafts already on the board (the server published them): drop them, they are this device's cards. */
  arrived: readonly string[];
  /** The full set to hand the server for this step (it replaces what the server holds), or null to say nothing. */
  offer: readonly { id: string; text: string }[] | null;
  /** Drafts this device may still publish itself, signed, at a reveal: never one the server has. */
  ownToPublish: readonly Draft[];
};

/**
 * Splits one step's drafts between the server and this device. Pure, so the rules are a table:
 * - a draft whose id is on the board has arrived;
 * - on an anonymous board every other draft goes to the server (the server holds it until the
 *   reveal, or publishes it with the next batch once writing is open);
 * - on a board that is not anonymous, drafts the server already has stay with it (they were written
 *   under anonymity), and edits to them still go to it; the others are this device's to publish;
 * - `offeredBefore`: the server was told something for this step on this visit, so an empty set
 *   still needs saying (every draft withdrawn).
 *
 * @example planHandOver({ drafts: [a], onBoard: () => false, anonymous: true, offeredBefore: false })
 *   // → { arrived: [], offer: [{ id: a.id, text: a.text }], ownToPublish: [] }
 */
export function planHandOver(input: { drafts: readonly Draft[]; onBoard: (id: string) => boolean; anonymous: boolean; offeredBefore: boolean }): HandOverPlan {
  const { drafts, onBoard, anonymous, offeredBefore } = input;
  const arrived = drafts.filter((d) => onBoard(d.id)).map((d) => d.id);
  const waiting = drafts.filter((d) => !onBoard(d.id));
  const toServer = anonymous ? waiting : waiting.filter((d) => d.handedOver);
  const offer = toServer.length > 0 || offeredBefore ? toServer.map(({ id, text }) => ({ id, text })) : null;
  return { arrived, offer, ownToPublish: anonymous ? [] : waiting.filter((d) => !d.handedOver) };
}
