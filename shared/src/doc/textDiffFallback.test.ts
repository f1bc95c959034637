import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff } from './textFields.ts';

// Before `loadTextDiff` has fetched fast-diff (a browser's first second on the board): never
// loaded in this file, which vitest runs in its own module graph.
describe('applyTextDiff before fast-diff has loaded', () => {
  it.each([
    ['', 'Reach 65%'],
    ['Reach 60%', 'Reach 65%'],
    ['Reach 60% conversion', ''],
    ['Checkout 🚀 fast', 'Checkout 🚀🚀 faster'],
    ['Reach 60% conversion by Q3', 'Reach 65% conversion by Q4'],
    ['abc', 'abc'],
  ])('turns %j into %j', (from, to) => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, from);
    applyTextDiff(text, to);
    expect(text.toString()).toBe(to);
  });

  it('touches only the span that changed: one edit in one place is as small as with fast-diff', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Reach 60% conversion');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    doc.transact(() => applyTextDiff(text, 'Reach 65% conversion'));
    expect(deltas).toEqual([[{ retain: 7 }, { delete: 1 }, { insert: '5' }]]);
  });

  it('never splits a character outside the basic plane', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'a😀b');
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    doc.transact(() => applyTextDiff(text, 'a😃b'));
    expect(text.toString()).toBe('a😃b');
    expect(deltas).toEqual([[{ retain: 1 }, { delete: 2 }, { insert: '😃' }]]);
  });
});
