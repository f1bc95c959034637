import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { createUndoManager } from './undo.ts';
import { ORIGIN } from './origins.ts';

describe('BoardDoc mutations', () => {
  it.each([
    ['adds a context item', (b: BoardDoc) => b.addContextItem({ kind: 'mission', text: 'Make checkout effortless' }), (b: BoardDoc) => b.contextItems.list().map((i) => i.text), ['Make checkout effortless']],
    ['edits one field', (b: BoardDoc) => b.update(b.contextItems, b.addContextItem({ kind: 'metric', text: 'old' }), { text: 'new' }), (b: BoardDoc) => b.contextItems.list().map((i) => i.text), ['new']],
    ['deletes', (b: BoardDoc) => b.remove(b.contextItems, b.addContextItem({ kind: 'metric', text: 'gone' })), (b: BoardDoc) => b.contextItems.list().length, 0],
    ['keeps insertion order', (b: BoardDoc) => ['a', 'b', 'c'].forEach((text) => b.addCandidate({ text })), (b: BoardDoc) => b.candidates.list().map((c) => c.text), ['a', 'b', 'c']],
    ['moves a key result to initiatives', (b: BoardDoc) => b.moveKeyResultToInitiatives(b.addKeyResult({ title: 'Build a cart reminder' })), (b: BoardDoc) => [b.keyResults.list().length, b.initiatives.list().map((i) => i.title)], [0, ['Build a cart reminder']]],
    ['merges duplicate candidates', (b: BoardDoc) => b.mergeCandidates(b.addCandidate({ text: 'Delight buyers' }), b.addCandidate({ text: 'delight buyers ' })), (b: BoardDoc) => b.candidates.list().map((c) => c.text), ['Delight buyers']],
    ['merges different candidates into one text', (b: BoardDoc) => b.mergeCandidates(b.addCandidate({ text: 'A' }), b.addCandidate({ text: 'B' })), (b: BoardDoc) => b.candidates.list().map((c) => c.text), ['A / B']],
    ['merges into the wording the person chose', (b: BoardDoc) => b.mergeCandidates(b.addCandidate({ text: 'A' }), b.addCandidate({ text: 'B' }), 'A and B'), (b: BoardDoc) => b.candidates.list().map((c) => c.text), ['A and B']],
    ['keeps both authors of merged candidates', (b: BoardDoc) => b.mergeCandidates(b.addCandidate({ text: 'A', authorId: 'a', authorName: 'Ana' }), b.addCandidate({ text: 'B', authorId: 'b', authorName: 'Ben' })), (b: BoardDoc) => b.candidates.list().map((c) => [c.authorName, c.mergedAuthors]), [['Ana', [{ id: 'b', name: 'Ben' }]]]],
    ['updates workshop metadata', (b: BoardDoc) => b.updateWorkshop({ title: 'Q3', cycleStart: '2026-07-01' }), (b: BoardDoc) => b.workshop(), { title: 'Q3', cycleStart: '2026-07-01' }],
  ] as const)('%s', (_name, act, read, expected) => {
    const board = new BoardDoc();
    act(board);
    expect(read(board)).toEqual(expected);
  });

  it.each([
    ['a link that is not a URL', (b: BoardDoc) => b.addContextItem({ kind: 'mission', text: 'x', link: 'not a url' })],
    ['an unknown kind', (b: BoardDoc) => b.addContextItem({ kind: 'vibes' as never, text: 'x' })],
    ['confidence above 1', (b: BoardDoc) => b.addKeyResult({ title: 'x', confidence: 1.4 })],
    ['a date that is not YYYY-MM-DD', (b: BoardDoc) => b.addKeyResult({ title: 'x', deadline: '30/09/2026' })],
    ['editing a card that is gone', (b: BoardDoc) => b.update(b.candidates, 'missing', { text: 'x' })],
  ])('refuses %s and writes nothing', (_name, act) => {
    const board = new BoardDoc();
    const before = Y.encodeStateAsUpdate(board.ydoc);
    expect(() => act(board)).toThrow();
    expect(Y.encodeStateAsUpdate(board.ydoc)).toEqual(before);
  });

  it('skips records a modified client wrote in the wrong shape', () => {
    const board = new BoardDoc();
    board.addContextItem({ kind: 'mission', text: 'valid' });
    const bad = new Y.Map<unknown>();
    bad.set('kind', 'mission');
    bad.set('text', 42);
    board.ydoc.transact(() => board.contextItems.root.set('bad', bad));
    expect(board.contextItems.list().map((i) => i.text)).toEqual(['valid']);
  });

  it('lets two people edit different fields of one card without losing either', () => {
    const a = new BoardDoc();
    const id = a.addKeyResult({ title: 'Checkout conversion' });
    const b = new BoardDoc();
    Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc));
    a.update(a.keyResults, id, { baseline: 58 });
    b.update(b.keyResults, id, { target: 65 });
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc));
    Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc));
    expect(a.keyResults.get(id)).toMatchObject({ baseline: 58, target: 65 });
    expect(b.keyResults.get(id)).toEqual(a.keyResults.get(id));
  });

  it('undoes only this device\'s own edits', () => {
    const mine = new BoardDoc();
    const undo = createUndoManager(mine);
    mine.addContextItem({ kind: 'mission', text: 'mine' });
    const theirs = new BoardDoc();
    theirs.addContextItem({ kind: 'metric', text: 'theirs' });
    Y.applyUpdate(mine.ydoc, Y.encodeStateAsUpdate(theirs.ydoc), 'remote');
    mine.addCandidate({ text: 'revealed draft' }, ORIGIN.reveal);
    undo.undo();
    expect(mine.contextItems.list().map((i) => i.text)).toEqual(['theirs']);
    expect(mine.candidates.list()).toHaveLength(1);
    undo.redo();
    expect(mine.contextItems.list().map((i) => i.text).sort()).toEqual(['mine', 'theirs']);
  });
});

describe('several inserts in one transaction', () => {
  it('each gets its own order key, so insertion order holds', () => {
    const board = new BoardDoc();
    board.transact(() => {
      for (const text of ['first', 'second', 'third']) board.candidates.insert({ id: `id-${text}`, text, order: board.candidates.nextOrder() });
    });
    expect(board.candidates.list().map((c) => c.text)).toEqual(['first', 'second', 'third']);
  });
});

describe('record cache', () => {
  it('re-reads only the records a change names; the others keep their identity', () => {
    const local = new BoardDoc();
    const remote = new BoardDoc();
    const ids = ['a', 'b', 'c'].map((text) => remote.addContextItem({ kind: 'metric', text }));
    Y.applyUpdate(local.ydoc, Y.encodeStateAsUpdate(remote.ydoc));
    const before = local.contextItems.list();
    const vector = Y.encodeStateVector(remote.ydoc);
    remote.update(remote.contextItems, ids[1]!, { text: 'b, edited' });
    remote.remove(remote.contextItems, ids[2]!);
    Y.applyUpdate(local.ydoc, Y.encodeStateAsUpdate(remote.ydoc, vector));
    const after = local.contextItems.list();
    expect(after.map((i) => i.text)).toEqual(['a', 'b, edited']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(local.contextItems.list()).toBe(after);
  });
});

describe('stable reads', () => {
  type Read = (b: BoardDoc) => unknown;
  const reads: [string, Read][] = [
    ['workshop()', (b) => b.workshop()],
    ['dismissedBy', (b) => b.dismissedBy()],
  ];
  const writes: [string, (b: BoardDoc) => void][] = [
    ['workshop()', (b) => b.updateWorkshop({ title: 'Q4' })],
    ['dismissedBy', (b) => b.dismissFinding('kr-count:obj', 'Bo')],
  ];

  function filledBoard(): BoardDoc {
    const board = new BoardDoc();
    board.updateWorkshop({ title: 'Q3' });
    board.dismissFinding('kr-has-owner:kr-1', 'Ana');
    return board;
  }

  it.each(reads)('%s returns the same object while nothing changes, whatever else changes', (name, read) => {
    const board = filledBoard();
    const before = read(board);
    board.addCandidate({ text: 'unrelated card' });
    for (const [other, write] of writes) if (other !== name) write(board);
    expect(read(board)).toBe(before);
  });

  it.each(writes)('%s is read afresh after its own change, local or remote', (name, write) => {
    const read = reads.find(([n]) => n === name)![1];
    const local = filledBoard();
    const remote = new BoardDoc();
    Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(local.ydoc));
    const before = read(local);
    const remoteBefore = read(remote);
    write(local);
    expect(read(local)).not.toBe(before);
    expect(read(local)).not.toEqual(before);

    Y.applyUpdate(remote.ydoc, Y.encodeStateAsUpdate(local.ydoc));
    expect(read(remote)).toEqual(read(local));
    expect(read(remote)).not.toBe(remoteBefore);
  });

  it('is fresh inside the transaction that wrote it', () => {
    const board = filledBoard();
    let seen: string[] = [];
    board.transact(() => {
      board.dismissedBy();
      board.dismissFinding('kr-count:obj', 'Bo');
      seen = [...board.dismissedBy().keys()].sort();
    });
    expect(seen).toEqual(['kr-count:obj', 'kr-has-owner:kr-1']);
  });
});
