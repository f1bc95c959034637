import { describe, expect, it } from 'vitest';
import { hashKey } from '../../store/keys.ts';
import type { RoomKeyRow } from '../../store/roomStore.ts';
import { credentialOf, credentialOpens } from './linkCredential.ts';

const F = 'facilitator-key-aaaaaaaaaaa';
const V = 'viewer-key-aaaaaaaaaaaaaaaaa';
const P = 'participant-key-aaaaaaaaaaa';
const open: RoomKeyRow = { facilitatorHash: hashKey(F), viewerHash: hashKey(V), participantHash: null, sealedLinks: null };
const rotated: RoomKeyRow = { ...open, participantHash: hashKey(P) };

describe('credentialOpens', () => {
  it.each([
    ['facilitator key, same row', open, credentialOf('facilitator', F), true],
    ['facilitator key after the facilitator link rotated', { ...open, facilitatorHash: hashKey('other-key-aaaaaaaaaaaaaaa') }, credentialOf('facilitator', F), false],
    ['viewer key, same row', open, credentialOf('viewer', V), true],
    ['viewer key after the viewer link rotated', { ...open, viewerHash: hashKey('other-key-aaaaaaaaaaaaaaa') }, credentialOf('viewer', V), false],
    ['open participant link while never rotated', open, credentialOf('participant', null), true],
    ['open participant link after the first rotation', rotated, credentialOf('participant', null), false],
    ['participant key, current', rotated, credentialOf('participant', P), true],
    ['participant key after another rotation', { ...rotated, participantHash: hashKey('other-key-aaaaaaaaaaaaaaa') }, credentialOf('participant', P), false],
    ['the facilitator key does not pass as the participant key', rotated, credentialOf('participant', F), false],
    ['the viewer key does not pass as the facilitator key', open, credentialOf('facilitator', V), false],
    ['a room that is gone', undefined, credentialOf('facilitator', F), false],
  ] as const)('%s', (_name, row, credential, expected) => {
    expect(credentialOpens(row, credential)).toBe(expected);
  });
});
