import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from './boardDoc.ts';

/** A seeded generator, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Peer = { board: BoardDoc; inbox: Uint8Array[]; online: boolean };

/**
 * Three boards edit at random while their messages arrive shuffled, some peers go offline and
 * catch up later (as Yjs tests itself); at the end every board must be identical.
 */
function simulate(seed: number, rounds: number): Peer[] {
  const random = prng(seed);
  const peers: Peer[] = [0, 1, 2].map(() => ({ board: new BoardDoc(new Y.Doc()), inbox: [], online: true }));
  peers.forEach((peer, i) => {
    peer.board.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      peers.forEach((other, j) => j !== i && other.inbox.push(update));
    });
  });
  const pick = <T,>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

  for (let round = 0; round < rounds; round++) {
    const peer = pick(peers)!;
    const action = random();
    const cards = peer.board.candidates.list();
    if (action < 0.35) peer.board.addCandidate({ text: `card ${round}` });
    else if (action < 0.6 && cards.length > 0) peer.board.update(peer.board.candidates, pick(cards)!.id, { text: `edit ${round}` });
    else if (action < 0.7 && cards.length > 0) peer.board.remove(peer.board.candidates, pick(cards)!.id);
    else if (action < 0.8) peer.online = !peer.online;
    else if (action < 0.85) peer.board.updateWorkshop({ title: `title ${round}` });
    // Deliver some messages to online peers, in random order.
    for (const target of peers) {
      if (!target.online) continue;
      while (target.inbox.length > 0 && random() < 0.6) {
        const [message] = target.inbox.splice(Math.floor(random() * target.inbox.length), 1);
        Y.applyUpdate(target.board.ydoc, message!, 'network');
      }
    }
  }
  for (const peer of peers) {
    peer.online = true;
    for (const message of peer.inbox.splice(0)) Y.applyUpdate(peer.board.ydoc, message, 'network');
  }
  return peers;
}

describe('three boards converge', () => {
  it.each([1, 2, 3, 42, 1337, 9001])('seed %i', (seed) => {
    const [a, b, c] = simulate(seed, 400);
    const view = (p: Peer) => ({ cards: p.board.candidates.list(), workshop: p.board.workshop() });
    expect(view(b!)).toEqual(view(a!));
    expect(view(c!)).toEqual(view(a!));
    expect(Y.encodeStateVector(b!.board.ydoc)).toEqual(Y.encodeStateVector(a!.board.ydoc));
    expect(a!.board.candidates.list().length).toBeGreaterThan(0);
  });
});
