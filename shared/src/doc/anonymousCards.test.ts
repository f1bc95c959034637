import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { publishAnonymousCards, publishedBytes, shuffle, type HeldCard } from './anonymousCards.ts';
import { BoardDoc } from './boardDoc.ts';

/** A seeded generator, so a shuffle is a fixed expectation. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const card = (id: string, text = `text ${id}`, step: HeldCard['step'] = 'draft'): HeldCard => ({ id, step, text });
const SERVER_ID = 7;

describe('publishAnonymousCards', () => {
  it.each([
    ['publishes candidates and key results by step', [card('a'), card('k', 'Cut churn to 2%', 'brainstorm')], ['text a'], ['Cut churn to 2%']],
    ['skips blank texts', [card('a', '   '), card('b')], ['text b'], []],
    ['skips malformed ids', [card('bad id'), card('b')], ['text b'], []],
    ['publishes a repeated id once', [card('a', 'first'), card('a', 'second')], ['first'], []],
    ['trims and cuts long texts', [card('a', `  ${'x'.repeat(600)}  `)], ['x'.repeat(500)], []],
  ] as const)('%s', (_name, cards, candidates, keyResults) => {
    const board = new BoardDoc();
    publishAnonymousCards(board, cards, seeded(1));
    expect(board.candidates.list().map((c) => c.text)).toEqual(candidates);
    expect(board.keyResults.list().map((k) => k.title)).toEqual(keyResults);
  });

  it('writes no author field, and every struct under the writing document’s client id', () => {
    const server = new Y.Doc();
    server.clientID = SERVER_ID;
    const board = new BoardDoc(server);
    publishAnonymousCards(board, [card('a'), card('b'), card('k', 'KR', 'brainstorm')], seeded(2));
    for (const c of board.candidates.list()) expect(Object.keys(c).sort()).toEqual(['id', 'order', 'text']);
    expect(Object.keys(board.keyResults.list()[0]!).sort()).toEqual(['id', 'order', 'title']);
    const clients = [...Y.decodeStateVector(Y.encodeStateVector(server)).keys()];
    expect(clients).toEqual([SERVER_ID]);
  });

  it('writes everything in one transaction: one update for the whole batch', () => {
    const board = new BoardDoc();
    const updates: Uint8Array[] = [];
    board.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    publishAnonymousCards(board, [card('a'), card('b'), card('c')], seeded(3));
    expect(updates).toHaveLength(1);
  });

  it('skips ids already on the board: publishing the same batch again (a retry after a crash) writes nothing', () => {
    const board = new BoardDoc();
    expect(publishAnonymousCards(board, [card('a'), card('b')], seeded(4))).toHaveLength(2);
    const before = Y.encodeStateAsUpdate(board.ydoc);
    expect(publishAnonymousCards(board, [card('a'), card('b')], seeded(5))).toEqual([]);
    expect(Y.encodeStateAsUpdate(board.ydoc)).toEqual(before);
  });

  it('puts the cards on the board in the shuffled order, after the cards already there', () => {
    const board = new BoardDoc();
    board.addCandidate({ id: 'old', text: 'already here' });
    const written = publishAnonymousCards(board, ['a', 'b', 'c', 'd', 'e'].map((id) => card(id)), seeded(6));
    expect(board.candidates.list().map((c) => c.id)).toEqual(['old', ...written]);
  });

  it('does not keep the order the cards were held in: over many batches each first place is about equally likely', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const first = new Map<string, number>();
    const random = seeded(7);
    for (let i = 0; i < 1200; i++) {
      const written = publishAnonymousCards(new BoardDoc(), ids.map((id) => card(id)), random);
      first.set(written[0]!, (first.get(written[0]!) ?? 0) + 1);
    }
    for (const id of ids) expect(first.get(id)).toBeGreaterThan(220);
  });
});

describe('shuffle', () => {
  it.each([
    [[], []],
    [[1], [1]],
  ])('leaves %j as it is', (items, expected) => {
    expect(shuffle(items, seeded(1))).toEqual(expected);
  });

  it('keeps every item and does not change its input', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffle(items, seeded(8));
    expect([...out].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('publishedBytes', () => {
  it.each([
    ['ASCII', 'Hi', 100],
    ['two-byte letters', 'ÅÖ', 102],
    ['three-byte', '€', 101],
    ['a surrogate pair (4 bytes)', '😀', 102],
  ])('%s', (_name, text, expected) => {
    expect(publishedBytes({ id: 'a1', text })).toBe(expected);
  });
});
