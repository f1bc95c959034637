import { describe, expect, it } from 'vitest';
import { openBoardClient, openControlClient, type TestClient } from '../../helpers/clients.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

const texts = (client: TestClient) => client.board.contextItems.list().map((item) => item.text).sort();

/** Roles and the lock hold whichever instance a person is on. */
describe('shared mode: roles across instances', () => {
  const fixture = useSharedCluster(2);
  const track = fixture.track;

  it('refuses a participant on one instance while the facilitator on another has locked the board, and lets the held edit in on unlock', async () => {
    const [one, two] = fixture.cluster.instances as [typeof fixture.cluster.instances[0], typeof fixture.cluster.instances[0]];
    const facilitator = track(openBoardClient(one.wsUrl, fixture.room.roomId, { key: fixture.room.facilitatorKey }));
    const facilitatorControl = track(openControlClient(one.wsUrl, fixture.room.roomId, { key: fixture.room.facilitatorKey }));
    const participant = track(openBoardClient(two.wsUrl, fixture.room.roomId));
    const participantControl = track(openControlClient(two.wsUrl, fixture.room.roomId));
    await Promise.all([facilitator.synced, facilitatorControl.synced, participant.synced, participantControl.synced]);

    facilitatorControl.control.set({ locked: true });
    await expect.poll(() => participantControl.control.state().locked, { timeout: 5_000 }).toBe(true);
    participant.board.addContextItem({ kind: 'metric', text: 'while locked' });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(texts(facilitator)).toEqual([]);
    expect((await fixture.cluster.storedBoard(fixture.room.roomId)).contextItems.list()).toEqual([]);

    facilitatorControl.control.set({ locked: false });
    await expect.poll(() => texts(facilitator), { timeout: 5_000 }).toEqual(['while locked']);
  }, 60_000);

  it('never stores a viewer\'s bytes, whichever instance it is on', async () => {
    const [one, two] = fixture.cluster.instances as [typeof fixture.cluster.instances[0], typeof fixture.cluster.instances[0]];
    const facilitator = track(openBoardClient(one.wsUrl, fixture.room.roomId, { key: fixture.room.facilitatorKey }));
    const viewer = track(openBoardClient(two.wsUrl, fixture.room.roomId, { viewerKey: fixture.room.viewerKey }));
    await Promise.all([facilitator.synced, viewer.synced]);
    viewer.board.addContextItem({ kind: 'metric', text: 'written by a viewer' });
    facilitator.board.addContextItem({ kind: 'metric', text: 'written by the facilitator' });
    await expect.poll(() => texts(viewer), { timeout: 5_000 }).toContain('written by the facilitator');
    await new Promise((r) => setTimeout(r, 1_000));
    const stored = (await fixture.cluster.storedBoard(fixture.room.roomId)).contextItems.list().map((i) => i.text);
    expect(stored).toContain('written by the facilitator');
    expect(stored).not.toContain('written by a viewer');
    expect(texts(facilitator)).not.toContain('written by a viewer');
  }, 60_000);
});
