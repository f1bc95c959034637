import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { BOARD_LAYOUT } from './layout.ts';
import { checkChanges } from './schemaCheck.ts';

describe('names and titles in the document', () => {
  it('a title and names a modified client wrote raw are accepted and read clean', () => {
    const board = new BoardDoc();
    board.addCandidate({ text: 'Checkout feels effortless', authorName: 'Ana' });
    board.updateWorkshop({ title: 'Q3' });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(board.ydoc));
    const before = Y.encodeStateVector(client);
    client.getMap('workshop').set('title', '\u202E3Q sRKO');
    const [candidate] = [...(client.getMap('candidates') as Y.Map<Y.Map<unknown>>).values()];
    candidate!.set('authorName', 'A\u200Bna\u2066');
    let problem: unknown = 'unchecked';
    Y.transact(board.ydoc, (transaction) => {
      Y.applyUpdate(board.ydoc, Y.encodeStateAsUpdate(client, before));
      problem = checkChanges(board.ydoc, transaction, BOARD_LAYOUT);
    });
    // Old boards hold such names: shown safely, never refused.
    expect(problem).toBeNull();
    const reader = new BoardDoc(board.ydoc);
    expect(reader.workshop().title).toBe('3Q sRKO');
    expect(reader.candidates.list().map((c) => c.authorName)).toEqual(['Ana']);
  });

  it('the app writes names clean', () => {
    const board = new BoardDoc();
    board.updateWorkshop({ title: '  Q3\u200B OKRs \u202E' });
    expect(board.ydoc.getMap('workshop').get('title')).toBe('Q3 OKRs');
  });
});
