import * as Y from 'yjs';

/** The longest context item text the board's schema takes (docs/board-document.md). */
const CARD_TEXT = 2000;

/**
 * Writes about `bytes` of filler into `doc` as valid cards (context items of at most 2000
 * characters, ids `<name>-0`, `<name>-1`…), so limit tests fill a board with what the server's
 * schema check accepts. Call it inside `captureUpdate` to get the update.
 */
export function pad(doc: Y.Doc, name: string, bytes: number, char = 'x'): void {
  const cards = doc.getMap<Y.Map<unknown>>('contextItems');
  for (let i = 0; i * CARD_TEXT < bytes; i++) {
    const card = new Y.Map<unknown>();
    card.set('id', `${name}-${i}`);
    card.set('kind', 'pre-work');
    card.set('text', char.repeat(Math.min(CARD_TEXT, bytes - i * CARD_TEXT)));
    card.set('order', 1);
    cards.set(`${name}-${i}`, card);
  }
}

/** How many `pad` calls a board holds (each leaves one `<name>-0` card). */
export function padCount(doc: Y.Doc): number {
  return [...doc.getMap('contextItems').keys()].filter((key) => key.endsWith('-0')).length;
}

/** Removes every padding card, as a cleaner would. */
export function clearPadding(doc: Y.Doc): void {
  const cards = doc.getMap('contextItems');
  doc.transact(() => {
    for (const key of [...cards.keys()]) cards.delete(key);
  });
}
