import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientIdBindings, SERVER_OWNER } from '@okr/shared/doc';
import { ClientIdOwners, writersOf } from './clientIdOwners.ts';

/** Seats `ana` and `bo` are stored (they have secrets), `stock` is not, and `ana2` was merged into `ana`. */
function owners(privateDoc = new Y.Doc()) {
  const bindings = new ClientIdBindings(privateDoc);
  const merged: Record<string, string> = { ana2: 'ana' };
  const book = new ClientIdOwners(() => bindings, { resolve: (id) => merged[id] ?? id, isStored: (id) => id !== 'stock' });
  return { book, privateDoc };
}

describe('ClientIdOwners', () => {
  it.each([
    // [what happened first, who asks, may use]
    ['nobody has used the id', null, 'bo', true],
    ['Ana used it', 'ana', 'ana', true],
    ['Ana used it, Bo asks', 'ana', 'bo', false],
    ['Ana’s merged-away seat used it, Ana asks', 'ana2', 'ana', true],
    ['Ana used it, her merged-away seat asks', 'ana', 'ana2', true],
    ['the server wrote under it', SERVER_OWNER, 'ana', false],
  ] as const)('%s: may %s use it → %s', (_name, first, asker, expected) => {
    const { book } = owners();
    if (first === SERVER_OWNER) book.claimForServer(7);
    else if (first) book.claim([7], first);
    expect(book.mayUse(7, asker)).toBe(expected);
  });

  it('keeps a stored seat’s ids in the private document, so a new book (a restart) still knows them', () => {
    const { book, privateDoc } = owners();
    book.claim([7], 'ana');
    book.claimForServer(9);
    const restarted = owners(privateDoc).book;
    expect(restarted.ownerOf(7)).toBe('ana');
    expect(restarted.ownerOf(9)).toBe(SERVER_OWNER);
  });

  it('frees a secretless seat’s ids once its last connection leaves, and only its own', () => {
    const { book, privateDoc } = owners();
    expect(book.claim([7, 8], 'stock')).toBe(2);
    book.claim([9], 'ana');
    expect(new ClientIdBindings(privateDoc).ownerOf(7)).toBeUndefined();
    expect(book.mayUse(7, 'bo')).toBe(false);
    book.release('stock');
    expect(book.mayUse(7, 'bo')).toBe(true);
    expect(book.mayUse(9, 'bo')).toBe(false);
  });

  it('claims only ids nobody owns', () => {
    const { book } = owners();
    book.claim([7], 'ana');
    expect(book.claim([7, 8], 'bo')).toBe(1);
    expect(book.ownerOf(7)).toBe('ana');
    expect(book.ownerOf(8)).toBe('bo');
  });
});

describe('writersOf', () => {
  it('names the ids an update writes under, not the owners of what it deletes', () => {
    const ana = new Y.Doc();
    ana.clientID = 1;
    ana.getMap('m').set('a', 1);
    const bo = new Y.Doc();
    bo.clientID = 2;
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(ana));
    const before = Y.encodeStateVector(bo);
    bo.getMap('m').delete('a');
    expect(writersOf(Y.encodeStateAsUpdate(bo, before))).toEqual([]);
    bo.getMap('m').set('b', 2);
    expect(writersOf(Y.encodeStateAsUpdate(bo, before))).toEqual([2]);
    expect(writersOf(new Uint8Array([255, 255]))).toEqual([]);
  });

  it("does not count passing on structs the document already has (a full state carries everyone's)", () => {
    const ana = new Y.Doc();
    ana.clientID = 1;
    ana.getMap('m').set('a', 1);
    const pat = new Y.Doc();
    pat.clientID = 2;
    Y.applyUpdate(pat, Y.encodeStateAsUpdate(ana));
    const serverHas = Y.decodeStateVector(Y.encodeStateVector(pat));
    pat.getMap('m').set('b', 2);
    expect(writersOf(Y.encodeStateAsUpdate(pat), serverHas)).toEqual([2]);
    // Ana wrote more, which the server has not seen: only then does Pat's update write under her id.
    ana.getMap('m').set('c', 3);
    Y.applyUpdate(pat, Y.encodeStateAsUpdate(ana));
    expect(writersOf(Y.encodeStateAsUpdate(pat), serverHas).sort()).toEqual([1, 2]);
  });

  it('reads the same from the update as the room decoded it (Y.decodeUpdate) as from its bytes, clients interleaved', () => {
    const docs = [1, 2, 3].map((clientId) => {
      const doc = new Y.Doc();
      doc.clientID = clientId;
      return doc;
    });
    const [ana, bo, cy] = docs as [Y.Doc, Y.Doc, Y.Doc];
    ana.getMap('m').set('a', 1);
    bo.getMap('m').set('b', 1);
    Y.applyUpdate(cy, Y.mergeUpdates([Y.encodeStateAsUpdate(ana), Y.encodeStateAsUpdate(bo)]));
    cy.getText('t').insert(0, 'hello');
    bo.getMap('m').set('b', 2);
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(cy), Y.encodeStateAsUpdate(bo)]);
    for (const known of [new Map<number, number>(), new Map([[1, 1], [2, 1], [3, 0]]), new Map([[1, 1], [2, 2], [3, 5]])]) {
      expect(writersOf(Y.decodeUpdate(update), known).sort()).toEqual(writersOf(update, known).sort());
    }
    expect(writersOf(update, new Map([[1, 1], [2, 1], [3, 0]])).sort()).toEqual([2, 3]);
  });
});
