import { describe, expect, it } from 'vitest';
import type { RoomLinks } from '../../helpers/links.ts';
import { tempDataDir } from '../../helpers/server.ts';
import { expectOneConsistentKeySet, issuedFrom, reissueWithCli, tryRotate } from '../../helpers/rotationRace.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * Rotations at once, on two instances and from `okr links` (issue 12): each takes the room row's
 * lock and plans from what the one before wrote, so the last one wins everywhere and no link is
 * left half-rotated (a new hash beside sealed links that hold another key, or a replaced key that
 * was never revoked).
 */

describe('concurrent link rotations in shared mode', () => {
  const fixture = useSharedCluster(2);
  const instances = () => fixture.cluster.instances as [Instance, Instance];
  const urls = () => instances().map((i) => i.httpUrl);

  it('viewer and participant rotations at once on both instances: every one succeeds, one key set stands, every replaced key answers 410', async () => {
    const { roomId, facilitatorKey } = fixture.room;
    const issued = issuedFrom(fixture.room);
    const links = ['viewer', 'participant', 'viewer', 'participant', 'participant', 'viewer', 'viewer', 'participant'] as const;
    const statuses = await Promise.all(links.map((link, i) => tryRotate(urls()[i % 2]!, roomId, facilitatorKey, link, issued)));
    expect(statuses).toEqual(links.map(() => 200));
    await expectOneConsistentKeySet(urls(), roomId, issued);
  }, 60_000);

  it('okr links --rotate-facilitator while facilitators keep rotating on both instances: the tool\'s keys win, rotations with the old key answer 410 after it', async () => {
    const { roomId } = fixture.room;
    const start = (await (await fetch(`${urls()[0]}/api/rooms/${roomId}/links`, { headers: { Authorization: `Bearer ${fixture.room.facilitatorKey}` } })).json()) as RoomLinks;
    const issued = { facilitator: [start.facilitatorKey], viewer: start.viewerKey ? [start.viewerKey] : [], participant: start.participantKey ? [start.participantKey] : [] };
    let toolDone = false;
    const tool = reissueWithCli(roomId, tempDataDir('okr-race-none-'), { DATABASE_URL: fixture.cluster.postgres.url }, issued).finally(() => (toolDone = true));
    const statuses: number[] = [];
    const facilitating = [0, 1].map(async (n) => {
      for (let i = 0; !toolDone; i++) statuses.push(await tryRotate(urls()[n]!, roomId, start.facilitatorKey, i % 2 ? 'viewer' : 'participant', issued));
    });
    await Promise.all([tool, ...facilitating]);
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.filter((status) => status !== 200 && status !== 410)).toEqual([]);
    // Rotations go on with the old key until the tool has finished: the last ones are refused.
    expect(statuses.at(-1)).toBe(410);
    const current = await expectOneConsistentKeySet(urls(), roomId, issued);
    expect(current.facilitatorKey).toBe(issued.facilitator.at(-1));
  }, 120_000);
});
