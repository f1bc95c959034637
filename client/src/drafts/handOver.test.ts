import { describe, expect, it } from 'vitest';
import type { Draft } from './draftStore.ts';
import { planHandOver } from './handOver.ts';

const draft = (id: string, handedOver = false): Draft => ({ id, text: `text ${id}`, createdAt: 0, ...(handedOver ? { handedOver: true as const } : {}) });
const offer = (...ids: string[]) => ids.map((id) => ({ id, text: `text ${id}` }));

describe('planHandOver', () => {
  it.each([
    ['anonymous: every draft goes to the server', [draft('a'), draft('b')], [], true, false, { arrived: [], offer: offer('a', 'b'), ownToPublish: [] }],
    ['anonymous: a draft on the board has arrived, the rest are offered', [draft('a', true), draft('b', true)], ['a'], true, true, { arrived: ['a'], offer: offer('b'), ownToPublish: [] }],
    ['anonymous: no drafts, nothing said before: nothing to say', [], [], true, false, { arrived: [], offer: null, ownToPublish: [] }],
    ['anonymous: the last draft deleted after an offer: the empty set withdraws it', [], [], true, true, { arrived: [], offer: [], ownToPublish: [] }],
    ['named: drafts stay on the device for its own reveal', [draft('a'), draft('b')], [], false, false, { arrived: [], offer: null, ownToPublish: [draft('a'), draft('b')] }],
    ['named after anonymous: what the server has stays with it, the rest is this device’s', [draft('a', true), draft('b')], [], false, false, { arrived: [], offer: offer('a'), ownToPublish: [draft('b')] }],
    ['named: a handed-over draft that arrived is dropped, never republished', [draft('a', true)], ['a'], false, false, { arrived: ['a'], offer: null, ownToPublish: [] }],
  ] as const)('%s', (_name, drafts, onBoardIds, anonymous, offeredBefore, expected) => {
    const onBoard = (id: string) => (onBoardIds as readonly string[]).includes(id);
    expect(planHandOver({ drafts, onBoard, anonymous, offeredBefore })).toEqual(expected);
  });
});
