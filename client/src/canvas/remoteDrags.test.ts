import { describe, expect, it } from 'vitest';
import { RemoteDrags } from './remoteDrags.ts';

type Drag = { id: string; x: number; y: number };
/** At `at` ms, presence shows these drags by client id; the notes drawn dragged then, and when to read again. */
type Read = { at: number; drags: Record<number, Drag>; shown: string[]; recheckAt: number | null };

const a = (x: number): Drag => ({ id: 'a', x, y: 0 });
const b = (x: number): Drag => ({ id: 'b', x, y: 0 });

describe('RemoteDrags', () => {
  it.each<[string, Read[]]>([
    [
      'a drag shows while it moves and ends when it leaves presence (the drop)',
      [
        { at: 0, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 1000 },
        { at: 500, drags: { 1: a(20) }, shown: ['a@20'], recheckAt: 1500 },
        { at: 600, drags: {}, shown: [], recheckAt: null },
      ],
    ],
    [
      // The ghost seen in a browser test: "dragging" stays in a live person's presence after the drop.
      'a drag that stops changing ends after the timeout, and a move brings it back',
      [
        { at: 0, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 1000 },
        { at: 999, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 1000 },
        { at: 1000, drags: { 1: a(10) }, shown: [], recheckAt: null },
        { at: 5000, drags: { 1: a(10) }, shown: [], recheckAt: null },
        { at: 5001, drags: { 1: a(11) }, shown: ['a@11'], recheckAt: 6001 },
      ],
    ],
    [
      'the person leaving ends their drag; coming back with the same stale state starts its clock again',
      [
        { at: 0, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 1000 },
        { at: 2000, drags: {}, shown: [], recheckAt: null },
        { at: 2100, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 3100 },
      ],
    ],
    [
      'two people dragging: each ends on its own clock',
      [
        { at: 0, drags: { 1: a(10), 2: b(5) }, shown: ['a@10', 'b@5'], recheckAt: 1000 },
        { at: 800, drags: { 1: a(10), 2: b(6) }, shown: ['a@10', 'b@6'], recheckAt: 1000 },
        { at: 1000, drags: { 1: a(10), 2: b(6) }, shown: ['b@6'], recheckAt: 1800 },
        { at: 1800, drags: { 1: a(10), 2: b(6) }, shown: [], recheckAt: null },
      ],
    ],
    [
      'a person who drags another note starts afresh',
      [
        { at: 0, drags: { 1: a(10) }, shown: ['a@10'], recheckAt: 1000 },
        { at: 900, drags: { 1: b(10) }, shown: ['b@10'], recheckAt: 1900 },
      ],
    ],
  ])('%s', (_name, reads) => {
    const drags = new RemoteDrags(1000);
    for (const { at, drags: now, shown, recheckAt } of reads) {
      const read = drags.read(new Map(Object.entries(now).map(([id, d]) => [Number(id), d])), at);
      expect([...read.dragged].map(([id, p]) => `${id}@${p.x}`).sort(), `at ${at}`).toEqual(shown);
      expect(read.recheckAt, `at ${at}`).toBe(recheckAt);
    }
  });
});
