import { describe, expect, it } from 'vitest';
import type { BoardDoc } from './boardDoc.ts';
import { deliver, peers } from './peers.testkit.ts';

/** Two boards seeded with cards a, b and c; `change` runs on the first (or is delivered to the second). */
describe('RecordCollection.observeRecord', () => {
  it.each<[string, (ana: BoardDoc) => void, string[]]>([
    ['an edit of one card tells that card only', (ana) => ana.setNoteText('contextItems', 'a', 'Churn 3%'), ['a']],
    ['a drop tells the card dropped', (ana) => ana.placeNote('contextItems', 'b', { pos: { x: 10, y: 20 } }), ['b']],
    ['one transaction changing two cards tells each once', (ana) => ana.transact(() => ['a', 'c'].forEach((id) => ana.contextItems.update(id, { text: `${id}!` }))), ['a', 'c']],
    ['a removal tells the card removed', (ana) => ana.remove(ana.contextItems, 'c'), ['c']],
    ['a new card under a watched id tells it', (ana) => ana.addContextItem({ id: 'new', kind: 'metric', text: 'NPS 40' }), ['new']],
    ['a change to another collection tells no card', (ana) => ana.addCandidate({ text: 'Delight buyers' }), []],
    ['a second edit of a card after a first tells it again', (ana) => (ana.setNoteText('contextItems', 'a', 'x'), ana.setNoteText('contextItems', 'a', 'y')), ['a', 'a']],
  ])('%s, locally and from a peer', (_name, change, expected) => {
    for (const remote of [false, true]) {
      const [ana, ben] = peers(2, (b) => ['a', 'b', 'c'].forEach((id) => b.addContextItem({ id, kind: 'metric', text: `Card ${id}` })));
      const watcher = remote ? ben! : ana!;
      const told: string[] = [];
      // Each listener reads its card when told, as a note does: the last read is the card as it ends.
      const lastRead = new Map<string, unknown>();
      for (const id of ['a', 'b', 'c', 'new']) watcher.contextItems.observeRecord(id, () => (told.push(id), lastRead.set(id, watcher.contextItems.get(id))));
      change(ana!);
      if (remote) deliver(ana!, ben!);
      // A peer receives the two edits of the last case as one update: one notice.
      expect([...told].sort(), remote ? 'remote' : 'local').toEqual(remote ? [...new Set(expected)].sort() : [...expected].sort());
      for (const [id, read] of lastRead) expect(read).toEqual(watcher.contextItems.get(id));
    }
  });

  it('stops telling a listener once unsubscribed, and keeps telling the others on the same card', () => {
    const [board] = peers(1, (b) => b.addContextItem({ id: 'a', kind: 'metric', text: 'Card a' }));
    const told: string[] = [];
    const stop = board!.contextItems.observeRecord('a', () => told.push('first'));
    board!.contextItems.observeRecord('a', () => told.push('second'));
    stop();
    board!.setNoteText('contextItems', 'a', 'Churn 3%');
    expect(told).toEqual(['second']);
  });
});

/** The cached sorted list is patched, not rebuilt, when no record changes place: it must still equal a fresh sort. */
describe('RecordCollection.list after a change', () => {
  it.each<[string, (board: BoardDoc) => void, boolean]>([
    ['a text edit keeps the order', (board) => board.setNoteText('contextItems', 'b', 'Churn 3%'), true],
    ['a drop keeps the order', (board) => board.placeNote('contextItems', 'a', { pos: { x: 10, y: 20 } }), true],
    ['a new order moves the card', (board) => board.transact(() => board.contextItems.update('a', { order: 99 })), false],
    ['a removal drops the card', (board) => board.remove(board.contextItems, 'b'), false],
    ['a new card is listed in its place', (board) => board.addContextItem({ id: 'new', kind: 'metric', text: 'NPS 40' }), false],
    ['an edit and a reorder in one transaction', (board) => board.transact(() => (board.contextItems.update('c', { text: 'c!' }), board.contextItems.update('c', { order: -1 }))), false],
  ])('%s', (_name, change, samePlaces) => {
    for (const remote of [false, true]) {
      const [ana, ben] = peers(2, (b) => ['a', 'b', 'c'].forEach((id) => b.addContextItem({ id, kind: 'metric', text: `Card ${id}` })));
      const reader = remote ? ben! : ana!;
      const before = reader.contextItems.list().map((card) => card.id);
      change(ana!);
      if (remote) deliver(ana!, ben!);
      const listed = reader.contextItems.list();
      const fresh = [...listed].sort((x, y) => x.order - y.order || (x.id < y.id ? -1 : 1));
      expect(listed, remote ? 'remote' : 'local').toEqual(fresh);
      for (const card of listed) expect(card).toBe(reader.contextItems.get(card.id));
      if (samePlaces) expect(listed.map((card) => card.id)).toEqual(before);
    }
  });
});
