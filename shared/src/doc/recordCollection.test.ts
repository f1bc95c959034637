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
