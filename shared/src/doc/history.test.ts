import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { cardIds, cardIdsOfSnapshot, cardsDeletedBy, changeSummary, type DecodedUpdate } from './history.ts';
import { createUndoManager } from './undo.ts';
import { ORIGIN } from './origins.ts';

/** A board with one card of each kind, ids fixed so tables can name them. */
function fullBoard(): BoardDoc {
  const board = new BoardDoc();
  board.updateWorkshop({ title: 'Checkout Q3' });
  board.addContextItem({ id: 'ctx', kind: 'mission', text: 'Make checkout effortless' });
  board.addCandidate({ id: 'c1', text: 'Returning buyers check out in one step' });
  board.addCandidate({ id: 'c2', text: 'Delight buyers' });
  board.addParkedItem({ id: 'p1', text: 'Grow the partner channel', reason: 'next quarter' });
  board.addKeyResult({ id: 'kr1', title: 'Conversion from 58% to 65%' });
  board.addInitiative({ id: 'i1', title: 'One-click reorder', keyResultIds: ['kr1'] });
  board.dismissFinding('kr1:kr-has-owner', 'Ana');
  return board;
}

/** What the accident did: one transaction deleting every card. */
function wipe(board: BoardDoc): void {
  board.transact(() => [board.contextItems, board.candidates, board.parked, board.keyResults, board.initiatives].forEach((c) => c.list().forEach((r) => c.remove(r.id))));
}

/** Everything restore promises to bring back, as plain data. */
function content(board: BoardDoc) {
  return {
    workshop: board.workshop(),
    contextItems: board.contextItems.list(),
    candidates: board.candidates.list(),
    parked: board.parked.list(),
    keyResults: board.keyResults.list(),
    initiatives: board.initiatives.list(),
    dismissed: [...board.dismissedBy()],
  };
}

describe('changeSummary', () => {
  it.each([
    ['first version', undefined, ['a', 'b'], { cards: 2, added: 2, removed: 0 }],
    ['nothing changed', ['a', 'b'], ['a', 'b'], { cards: 2, added: 0, removed: 0 }],
    ['one added, one removed', ['a', 'b'], ['b', 'c'], { cards: 2, added: 1, removed: 1 }],
    ['wiped', ['a', 'b', 'c'], [], { cards: 0, added: 0, removed: 3 }],
  ] as const)('%s', (_name, previous, ids, expected) => {
    expect(changeSummary(previous, ids)).toEqual(expected);
  });
});

describe('cardIds', () => {
  it('lists every kind of card, from a board or its snapshot', () => {
    const board = fullBoard();
    const expected = ['c1', 'c2', 'ctx', 'i1', 'kr1', 'p1'];
    expect(cardIds(board)).toEqual(expected);
    expect(cardIdsOfSnapshot(Y.encodeStateAsUpdate(board.ydoc))).toEqual(expected);
  });
});

describe('cardsDeletedBy', () => {
  it.each([
    ['deleting every card', wipe, 6],
    ['deleting one card', (b: BoardDoc) => b.remove(b.candidates, 'c1'), 1],
    ['editing a card', (b: BoardDoc) => b.update(b.candidates, 'c1', { text: 'Shorter' }), 0],
    ['adding a card', (b: BoardDoc) => b.addCandidate({ text: 'New' }), 0],
    ['retitling the workshop', (b: BoardDoc) => b.updateWorkshop({ title: 'Q4' }), 0],
  ] as const)('%s', (_name, act, expected) => {
    const server = fullBoard();
    const client = new BoardDoc();
    Y.applyUpdate(client.ydoc, Y.encodeStateAsUpdate(server.ydoc));
    const updates: Uint8Array[] = [];
    client.ydoc.on('update', (update: Uint8Array) => updates.push(update));
    act(client);
    expect(updates.reduce((sum, update) => sum + cardsDeletedBy(server.ydoc, update), 0)).toBe(expected);
    // The relay passes the update as it decoded it already: the same count.
    expect(updates.reduce((sum, update) => sum + cardsDeletedBy(server.ydoc, Y.decodeUpdate(update)), 0)).toBe(expected);
  });

  /** A delete set as a modified client might send it, ranges over the board's own client's clocks. */
  const deleting = (board: BoardDoc, ranges: [number, number][]): DecodedUpdate =>
    ({ structs: [], ds: { clients: new Map([[board.ydoc.clientID, ranges.map(([clock, len]) => ({ clock, len }))]]) } }) as unknown as DecodedUpdate;

  it.each([
    ['every clock the board has, named twice over in overlapping ranges: each card once', (known: number) => [[0, known], [0, known], [1, known]] as [number, number][], 6],
    ['clocks past what the board has', (known: number) => [[known, 100]] as [number, number][], 0],
    ['a range starting before the document and running past it', (known: number) => [[0, known + 1000]] as [number, number][], 6],
    ['an empty delete set', () => [] as [number, number][], 0],
  ])('%s', (_name, ranges, expected) => {
    const board = fullBoard();
    expect(cardsDeletedBy(board.ydoc, deleting(board, ranges(Y.getState(board.ydoc.store, board.ydoc.clientID))))).toBe(expected);
  });

  it('counts nothing in bytes that do not decode', () => {
    expect(cardsDeletedBy(fullBoard().ydoc, new Uint8Array([255, 1, 2]))).toBe(0);
  });
});

describe('BoardDoc.restoreFrom', () => {
  it.each([
    ['after a wipe', wipe],
    ['after edits, additions and a retitle', (b: BoardDoc) => {
      b.update(b.candidates, 'c1', { text: 'Changed', clusterId: 'c2' });
      b.addKeyResult({ title: 'Added later' });
      b.updateWorkshop({ title: 'Renamed', cycleStart: '2026-07-01' });
      b.restoreFinding('kr1:kr-has-owner');
      b.dismissFinding('c2:other', 'Bo');
    }],
    ['when nothing changed', () => {}],
  ] as const)('brings the version back %s', (_name, change) => {
    const board = fullBoard();
    const version = Y.encodeStateAsUpdate(board.ydoc);
    const expected = content(board);
    change(board);
    board.restoreFrom(version);
    expect(content(board)).toEqual(expected);
  });

  it('is one forward change every copy receives, and undo on the restoring device takes it back', () => {
    const facilitator = fullBoard();
    const participant = new BoardDoc();
    const sync = () => {
      Y.applyUpdate(participant.ydoc, Y.encodeStateAsUpdate(facilitator.ydoc, Y.encodeStateVector(participant.ydoc)));
      Y.applyUpdate(facilitator.ydoc, Y.encodeStateAsUpdate(participant.ydoc, Y.encodeStateVector(facilitator.ydoc)));
    };
    sync();
    const version = Y.encodeStateAsUpdate(facilitator.ydoc);
    const before = content(facilitator);
    wipe(participant);
    sync();
    const wiped = content(facilitator);
    const undo = createUndoManager(facilitator);
    facilitator.restoreFrom(version);
    sync();
    expect(content(participant)).toEqual(before);
    undo.undo();
    sync();
    expect(content(participant)).toEqual(wiped);
  });

  it('with the server origin, is not on anyone\'s undo stack', () => {
    const board = fullBoard();
    const version = Y.encodeStateAsUpdate(board.ydoc);
    board.remove(board.candidates, 'c1', ORIGIN.import);
    const undo = createUndoManager(board);
    board.restoreFrom(version, ORIGIN.restore);
    expect(undo.undoStack).toHaveLength(0);
    expect(board.candidates.has('c1')).toBe(true);
  });
});
