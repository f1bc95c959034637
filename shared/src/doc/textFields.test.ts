import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';
import { ORIGIN } from './origins.ts';
import { peers, syncAll } from './peers.testkit.ts';
import type { RecordCollection } from './recordCollection.ts';
import { applyTextDiff, loadTextDiff, TEXT_FIELDS, upgradeTextFields } from './textFields.ts';
import { createUndoManager } from './undo.ts';

type AnyCollection = RecordCollection<{ id: string; order: number }>;

/** Each text field: how to add a card with it, and the collection and field it lives in. */
const cards: [string, (b: BoardDoc, text: string) => string, (b: BoardDoc) => AnyCollection, string][] = [
  ['context item text', (b: BoardDoc, text: string) => b.addContextItem({ kind: 'metric', text }), (b: BoardDoc) => b.contextItems, 'text'],
  ['candidate text', (b: BoardDoc, text: string) => b.addCandidate({ text }), (b: BoardDoc) => b.candidates, 'text'],
  ['parked item text', (b: BoardDoc, text: string) => b.addParkedItem({ text, reason: 'later' }), (b: BoardDoc) => b.parked, 'text'],
  ['key result title', (b: BoardDoc, text: string) => b.addKeyResult({ title: text }), (b: BoardDoc) => b.keyResults, 'title'],
  ['initiative title', (b: BoardDoc, text: string) => b.addInitiative({ title: text, keyResultIds: [] }), (b: BoardDoc) => b.initiatives, 'title'],
];

function readField(board: BoardDoc, collection: (b: BoardDoc) => AnyCollection, id: string, field: string): unknown {
  return (collection(board).get(id) as Record<string, unknown> | undefined)?.[field];
}

/** Applies `to` over `from` in a fresh text; returns the text and the deltas its observers saw. */
function diffed(from: string, to: string): { text: string; deltas: unknown[] } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, from);
  const deltas: unknown[] = [];
  text.observe((event) => deltas.push(event.delta));
  doc.transact(() => applyTextDiff(text, to));
  return { text: text.toString(), deltas };
}

// Before `loadTextDiff` has fetched fast-diff (a browser's first second on the board), then with it,
// as a browser has once its board is up (client/src/app/usePrefetch.ts) and as every test below has.
describe.each([
  ['before fast-diff has loaded', () => Promise.resolve()],
  ['with fast-diff', () => loadTextDiff()],
])('applyTextDiff %s', (_when, load) => {
  beforeAll(load);

  it.each([
    ['', 'Reach 65%'],
    ['Reach 60%', 'Reach 65%'],
    ['Reach 60% conversion', ''],
    ['Checkout 🚀 fast', 'Checkout 🚀🚀 faster'],
    ['Reach 60% conversion by Q3', 'Reach 65% conversion by Q4'],
    ['abc', 'abc'],
  ])('turns %j into %j', (from, to) => {
    expect(diffed(from, to).text).toBe(to);
  });

  it('touches only the characters that changed in one place', () => {
    expect(diffed('Reach 60% conversion', 'Reach 65% conversion').deltas).toEqual([[{ retain: 7 }, { delete: 1 }, { insert: '5' }]]);
  });

  it('never splits a character outside the basic plane', () => {
    expect(diffed('a😀b', 'a😃b')).toEqual({ text: 'a😃b', deltas: [[{ retain: 1 }, { delete: 2 }, { insert: '😃' }]] });
  });
});

describe('applyTextDiff with fast-diff', () => {
  beforeAll(() => loadTextDiff());

  it('keeps a concurrent edit between two places one person changed at once', () => {
    const [ana, ben] = peers(2, (b) => b.addKeyResult({ title: 'Reach 60% conversion by Q3' }));
    const id = ana!.keyResults.list()[0]!.id;
    ana!.update(ana!.keyResults, id, { title: 'Reach 65% conversion by Q4' });
    ben!.update(ben!.keyResults, id, { title: 'Reach 60% checkout conversion by Q3' });
    syncAll([ana!, ben!]);
    for (const board of [ana!, ben!]) expect(board.keyResults.get(id)!.title).toBe('Reach 65% checkout conversion by Q4');
  });
});

describe.each(cards)('%s', (_name, add, collection, field) => {
  it('is stored as Y.Text and read as a plain string', () => {
    const board = new BoardDoc();
    const id = add(board, 'Reach 60% conversion');
    expect(collection(board).root.get(id)?.get(field)).toBeInstanceOf(Y.Text);
    expect(readField(board, collection, id, field)).toBe('Reach 60% conversion');
  });

  it('merges two offline edits of different parts: both survive on every device', () => {
    const [ana, ben, carl] = peers(3, (b) => add(b, 'Reach 60% conversion'));
    const id = collection(ana!).list()[0]!.id;
    ana!.update(collection(ana!), id, { [field]: 'Reach 65% conversion' });
    ben!.update(collection(ben!), id, { [field]: 'Reach 60% checkout conversion' });
    syncAll([carl!, ben!, ana!]);
    for (const board of [ana!, ben!, carl!]) expect(readField(board, collection, id, field)).toBe('Reach 65% checkout conversion');
  });
});

describe('typing into one card on three devices that go on and offline', () => {
  it.each([7, 99, 2024])('seed %i: every word added survives and all devices agree', (seed) => {
    let s = seed;
    const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const boards = peers(3, (b) => b.addKeyResult({ title: 'start' }));
    const id = boards[0]!.keyResults.list()[0]!.id;
    const written: string[] = [];
    for (let round = 0; round < 60; round++) {
      const board = boards[Math.floor(random() * 3)]!;
      const words = board.keyResults.get(id)!.title.split(' ');
      words.splice(Math.floor(random() * (words.length + 1)), 0, `w${round}`);
      written.push(`w${round}`);
      board.update(board.keyResults, id, { title: words.join(' ') });
      if (random() < 0.3) syncAll(boards.filter(() => random() < 0.7));
    }
    syncAll(boards);
    const titles = boards.map((b) => b.keyResults.get(id)!.title);
    expect(new Set(titles).size).toBe(1);
    expect(titles[0]!.split(' ').sort()).toEqual([...written, 'start'].sort());
  });
});

/** A board written before text fields were Y.Text: every field a plain value. */
function legacyBoard(): { board: BoardDoc; id: string } {
  const board = new BoardDoc();
  const entry = new Y.Map<unknown>();
  board.transact(() => {
    board.keyResults.root.set('kr-legacy', entry);
    for (const [key, value] of Object.entries({ title: 'Reach 60% conversion', target: 60, order: 1 })) entry.set(key, value);
  });
  return { board, id: 'kr-legacy' };
}

describe('a legacy board with plain-string text', () => {
  it('reads as before', () => {
    const { board, id } = legacyBoard();
    expect(board.keyResults.get(id)).toMatchObject({ title: 'Reach 60% conversion', target: 60 });
  });

  it('keeps a client write a plain string (last writer wins) until the server upgrades it', () => {
    const { board, id } = legacyBoard();
    board.update(board.keyResults, id, { title: 'Reach 65% conversion' });
    expect(board.keyResults.root.get(id)?.get('title')).toBe('Reach 65% conversion');
  });

  it('is upgraded once: text becomes Y.Text, reads stay the same, a second run writes nothing', () => {
    const { board, id } = legacyBoard();
    board.addCandidate({ text: 'already Y.Text' });
    const before = board.keyResults.get(id);
    expect(upgradeTextFields(board.ydoc)).toBe(1);
    expect(board.keyResults.root.get(id)?.get('title')).toBeInstanceOf(Y.Text);
    expect(board.keyResults.root.get(id)?.get('target')).toBe(60);
    expect(board.keyResults.get(id)).toEqual(before);
    const state = Y.encodeStateVector(board.ydoc);
    expect(upgradeTextFields(board.ydoc)).toBe(0);
    expect(Y.encodeStateVector(board.ydoc)).toEqual(state);
  });

  it('merges edits once upgraded, and a user undo never reverts the upgrade', () => {
    const { board: server } = legacyBoard();
    const [ana, ben] = peers(2, (b) => syncAll([server, b]));
    upgradeTextFields(server.ydoc);
    syncAll([server, ana!, ben!]);
    const undo = createUndoManager(ana!);
    ana!.update(ana!.keyResults, 'kr-legacy', { title: 'Reach 65% conversion' });
    ben!.update(ben!.keyResults, 'kr-legacy', { title: 'Reach 60% checkout conversion' });
    syncAll([server, ana!, ben!]);
    expect(server.keyResults.get('kr-legacy')?.title).toBe('Reach 65% checkout conversion');
    undo.undo();
    undo.undo();
    expect(ana!.keyResults.get('kr-legacy')?.title).toBe('Reach 60% checkout conversion');
    expect(ana!.keyResults.root.get('kr-legacy')?.get('title')).toBeInstanceOf(Y.Text);
  });

  it('covers exactly the text fields the brief names', () => {
    expect(TEXT_FIELDS).toEqual({ contextItems: ['text'], candidates: ['text'], parked: ['text'], keyResults: ['title'], initiatives: ['title'] });
    expect(ORIGIN.upgrade).not.toBe(ORIGIN.user);
  });
});
