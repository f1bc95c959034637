import { recordIdSchema, type PrivateWritingStep } from '../schema/index.ts';
import type { BoardDoc } from './boardDoc.ts';
import { ORIGIN, type Origin } from './origins.ts';

/** A card written on an anonymous board, held by the server until it is published. */
export type HeldCard = { id: string; step: PrivateWritingStep; text: string };

/** Longest card text, as the schema allows. */
export const MAX_CARD_TEXT = 500;

/** What a published card adds to the board beyond its id and text (its map, order and Yjs bookkeeping): about 85 bytes measured, rounded up. */
const CARD_OVERHEAD_BYTES = 96;

/**
 * About how many bytes publishing `card` adds to the board, so the server can hold a participant's
 * offers to the same MAX_DOC_BYTES as their own updates. `publishedBytes({ id: 'a1', text: 'Hi' })` is 100.
 */
export function publishedBytes(card: { id: string; text: string }): number {
  return CARD_OVERHEAD_BYTES + card.id.length + utf8Length(card.text);
}

/** UTF-8 bytes of `text` (shared/ has neither TextEncoder's nor Buffer's typings): a surrogate pair is 4, each half 2. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/**
 * Publishes held cards as authorless cards, in one transaction under `origin`: candidate
 * objectives for the draft step, key results for the brainstorm step. Called by the server, whose
 * Yjs client id then carries every card, so neither the id nor the order (shuffled with `random`,
 * which returns [0, 1) like Math.random) says who wrote which. Skips blank texts, malformed ids,
 * and ids already on the board or repeated in the batch (a retry after a crash publishes nothing
 * twice). Returns the ids written, in the order they were written.
 *
 * @example publishAnonymousCards(board, [{ id: 'a1', step: 'draft', text: 'Delight buyers' }], Math.random)
 */
export function publishAnonymousCards(board: BoardDoc, cards: readonly HeldCard[], random: () => number, origin: Origin = ORIGIN.anonymous): string[] {
  const seen = new Set<string>();
  const fresh = cards.filter((card) => {
    if (seen.has(card.id) || !recordIdSchema.safeParse(card.id).success || !card.text.trim()) return false;
    seen.add(card.id);
    return card.step === 'draft' ? !board.candidates.has(card.id) : !board.keyResults.has(card.id);
  });
  const shuffled = shuffle(fresh, random);
  if (shuffled.length === 0) return [];
  board.ydoc.transact(() => {
    for (const card of shuffled) {
      const text = card.text.trim().slice(0, MAX_CARD_TEXT);
      if (card.step === 'draft') board.candidates.insert({ id: card.id, text, order: board.candidates.nextOrder() });
      else board.keyResults.insert({ id: card.id, title: text, order: board.keyResults.nextOrder() });
    }
  }, origin);
  return shuffled.map((card) => card.id);
}

/** Fisher–Yates: every order equally likely when `random` is uniform. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
