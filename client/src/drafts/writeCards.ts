import { ORIGIN, type BoardDoc, type Origin } from '@okr/shared/doc';
import type { CanvasPos, PrivateWritingStep } from '@okr/shared/schema';

/** Who wrote a card. Cards on an anonymous board never come through here: the server publishes them. */
export type Author = { id: string; name: string };

/** `pos`: where a card written straight to the board lands on the canvas (none: the tidy layout places it). */
export type CardText = { id?: string; text: string; pos?: CanvasPos };

/**
 * Puts cards on the board for a writing step, in one transaction: candidate objectives in the
 * draft step, key results in the brainstorm step. Skips ids already on the board (a second tab
 * of the same device publishing the same drafts). Returns the ids written.
 */
export function writeCards(board: BoardDoc, step: PrivateWritingStep, cards: readonly CardText[], author: Author, origin: Origin): string[] {
  const written: string[] = [];
  board.transact(() => {
    for (const card of cards) {
      const text = card.text.trim().slice(0, 500);
      if (!text) continue;
      if (step === 'draft') {
        if (card.id && board.candidates.has(card.id)) continue;
        written.push(board.addCandidate({ id: card.id, text, pos: card.pos, authorId: author.id, authorName: author.name }, origin));
      } else {
        if (card.id && board.keyResults.has(card.id)) continue;
        written.push(board.addKeyResult({ id: card.id, title: text, pos: card.pos, authorId: author.id }, origin));
      }
    }
  }, origin);
  return written;
}

/** Removes every author from the board's cards: what turning anonymity on means. */
export function stripAuthors(board: BoardDoc): void {
  board.transact(() => {
    for (const c of board.candidates.list()) {
      if (c.authorId !== undefined || c.authorName !== undefined || c.mergedAuthors !== undefined) {
        board.candidates.update(c.id, { authorId: undefined, authorName: undefined, mergedAuthors: undefined });
      }
    }
    for (const kr of board.keyResults.list()) {
      if (kr.authorId !== undefined) board.keyResults.update(kr.id, { authorId: undefined });
    }
  }, ORIGIN.facilitator);
}
