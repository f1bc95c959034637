import { describe, expect, it } from 'vitest';
import { hashKey, keyMatches, newSecret } from '../store/keys.ts';
import type { KeyChange, RoomKeyRow } from '../store/roomStore.ts';
import { sealLinks } from '../store/sealedLinks.ts';
import { linkSecretsOf, planReissue, planRotation, RotatedMeanwhileError, type RotatableLink } from './rotateLinks.ts';

const roomId = 'room-aaaaaaaaaaaaaaaaaaaaaa';

/** A room's key row as a store holds it, with the keys behind its hashes. */
function room(participantKey: string | null) {
  const keys = { facilitatorKey: newSecret(), viewerKey: newSecret(), participantKey };
  const row: RoomKeyRow = {
    facilitatorHash: hashKey(keys.facilitatorKey),
    viewerHash: hashKey(keys.viewerKey),
    participantHash: participantKey ? hashKey(participantKey) : null,
    sealedLinks: sealLinks({ viewerKey: keys.viewerKey, participantKey }, keys.facilitatorKey, roomId),
  };
  return { keys, row };
}

/** What either store's changeKeys writes into the row. */
function applied(row: RoomKeyRow, change: KeyChange): RoomKeyRow {
  return {
    facilitatorHash: change.facilitatorHash ?? row.facilitatorHash,
    viewerHash: change.viewerHash ?? row.viewerHash,
    participantHash: change.participantHash ?? row.participantHash,
    sealedLinks: change.sealedLinks,
  };
}

describe('planRotation and planReissue', () => {
  const links: RotatableLink[] = ['viewer', 'participant', 'facilitator'];
  it.each(links.flatMap((first) => links.map((second) => [first, second] as const)))(
    '%s then %s, each planned from the row the one before wrote: the hashes open the keys the facilitator reads, the replaced ones are revoked',
    (first, second) => {
      const start = room(newSecret());
      const one = planRotation(start.row, roomId, start.keys.facilitatorKey, first);
      const middle = applied(start.row, one.change);
      const two = planRotation(middle, roomId, one.keys.facilitatorKey, second);
      const end = applied(middle, two.change);
      const read = linkSecretsOf(end, roomId, two.keys.facilitatorKey);
      expect(keyMatches(two.keys.facilitatorKey, end.facilitatorHash)).toBe(true);
      expect(keyMatches(read.viewerKey ?? '', end.viewerHash)).toBe(true);
      expect(keyMatches(read.participantKey ?? '', end.participantHash ?? Buffer.alloc(0))).toBe(true);
      expect(read).toEqual({ viewerKey: two.keys.viewerKey, participantKey: two.keys.participantKey });
      const revoked = [...one.change.revoked, ...two.change.revoked];
      const replaced = [start.row.facilitatorHash, start.row.viewerHash, start.row.participantHash, middle.facilitatorHash, middle.viewerHash, middle.participantHash];
      for (const hash of replaced) {
        const current = [end.facilitatorHash, end.viewerHash, end.participantHash].some((h) => h?.equals(hash!));
        if (!current) expect(revoked.some((h) => h.equals(hash!))).toBe(true);
      }
    },
  );

  it.each(links)('a %s rotation asked with a facilitator key rotated away meanwhile is refused, not sealed under the old key', (link) => {
    const start = room(null);
    const reissued = applied(start.row, planReissue(start.row, roomId).change);
    expect(() => planRotation(reissued, roomId, start.keys.facilitatorKey, link)).toThrow(RotatedMeanwhileError);
  });

  it.each([
    ['never rotated', null],
    ['rotated before', newSecret()],
  ])('planReissue of a room whose participant link was %s: new facilitator and projector keys, participant key only if it had one', (_name, participantKey) => {
    const start = room(participantKey);
    const { keys, change } = planReissue(start.row, roomId);
    const end = applied(start.row, change);
    expect(linkSecretsOf(end, roomId, keys.facilitatorKey)).toEqual({ viewerKey: keys.viewerKey, participantKey: keys.participantKey });
    expect(keys.participantKey === null).toBe(participantKey === null);
    expect(change.revoked).toHaveLength(participantKey ? 3 : 2);
  });
});
