import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, type UpdateProblem } from '../../../server/src/relay/updateCheck.ts';
import { craftUpdate } from '../../helpers/craftUpdate.ts';

function updatesOf(doc: Y.Doc, edits: (() => void)[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const edit of edits) doc.transact(edit);
  return updates;
}

function docWithClient(client: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  return doc;
}

describe('checkUpdate: what the relay refuses before applying', () => {
  const writer = docWithClient(11);
  const [first, second] = updatesOf(writer, [() => writer.getArray('a').push(['one']), () => writer.getArray('a').push(['two'])]) as [Uint8Array, Uint8Array];
  const follower = docWithClient(22);
  Y.applyUpdate(follower, first);
  const [dependent] = updatesOf(follower, [() => follower.getArray('a').insert(1, ['after one'])]) as [Uint8Array];
  const withFirst = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first);
    return doc;
  };
  const subdoc = docWithClient(33);
  const [withSubdoc] = updatesOf(subdoc, [() => subdoc.getMap('m').set('sub', new Y.Doc())]) as [Uint8Array];

  const cases: [string, () => Y.Doc, Uint8Array, UpdateProblem | null][] = [
    ['an ordinary first update', () => new Y.Doc(), first, null],
    ['the next update in order', withFirst, second, null],
    ['a replay of what the document has', withFirst, first, null],
    ['an empty update (an up-to-date sync step 2)', () => new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()), null],
    ['random bytes', () => new Y.Doc(), new Uint8Array([7, 200, 13, 255, 255, 255, 255, 255, 255, 255, 1]), 'undecodable'],
    ['a truncated update', () => new Y.Doc(), first.slice(0, first.length - 3), 'undecodable'],
    ['a later update without the earlier one (a clock gap)', () => new Y.Doc(), second, 'missing-dependencies'],
    ['an edit that builds on another client’s item the server lacks', () => new Y.Doc(), dependent, 'missing-dependencies'],
    ['an item whose origin is a later clock of its own client', () => new Y.Doc(), craftUpdate([{ client: 5, items: [{ clock: 0, origin: [5, 3], content: { string: 'x' } }] }]), 'forward-reference'],
    ['an empty struct', () => new Y.Doc(), craftUpdate([{ client: 5, items: [{ clock: 0, content: { string: '' } }] }]), 'empty-struct'],
    ['clocks past 2^53', () => new Y.Doc(), craftUpdate([{ client: 5, items: [{ clock: Number.MAX_SAFE_INTEGER - 1, content: { deleted: 5 } }] }]), 'out-of-range'],
    ['deletes of structs nobody sent', () => new Y.Doc(), craftUpdate([], [{ client: 9, clock: 0, len: 3 }]), 'missing-dependencies'],
    ['a subdocument', () => new Y.Doc(), withSubdoc, 'subdocument'],
  ];

  it.each(cases)('%s', (_name, doc, update, expected) => {
    expect(checkUpdate(update, doc())).toBe(expected);
  });

  it('with the document’s roots, refuses an item under any other root before anything is applied', () => {
    const roots = new Set(['a']);
    expect(checkUpdate(first, new Y.Doc(), roots)).toBeNull();
    // craftUpdate's items hang off the root map "m".
    expect(checkUpdate(craftUpdate([{ client: 5, items: [{ clock: 0, content: { string: 'x' } }] }]), new Y.Doc(), roots)).toBe('unknown-root');
  });
});
