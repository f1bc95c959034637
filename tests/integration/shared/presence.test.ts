import { describe, expect, it } from 'vitest';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { useSharedCluster } from '../../helpers/sharedCluster.ts';

/** The names a client sees in the room's presence, its own included. */
const names = (client: TestClient) =>
  [...client.provider.awareness.getStates().values()].map((state) => (state as { name?: string }).name).filter(Boolean).sort();

describe('shared mode: presence across instances', () => {
  const fixture = useSharedCluster(3);
  const clients: TestClient[] = [];
  const join = (wsUrl: string, name: string) => {
    const client = openBoardClient(wsUrl, fixture.room.roomId);
    client.provider.awareness.setLocalStateField('name', name);
    clients.push(fixture.track(client));
    return client;
  };

  it('shows everyone to everyone whichever instance they are on, a late joiner included', async () => {
    const [one, two, three] = fixture.cluster.instances as [(typeof fixture.cluster.instances)[0], (typeof fixture.cluster.instances)[0], (typeof fixture.cluster.instances)[0]];
    const ana = join(one.wsUrl, 'Ana');
    const ben = join(two.wsUrl, 'Ben');
    await Promise.all([ana.synced, ben.synced]);
    await expect.poll(() => names(ana), { timeout: 5_000 }).toEqual(['Ana', 'Ben']);
    await expect.poll(() => names(ben), { timeout: 5_000 }).toEqual(['Ana', 'Ben']);
    const cy = join(three.wsUrl, 'Cy');
    await cy.synced;
    await expect.poll(() => names(cy), { timeout: 5_000 }).toEqual(['Ana', 'Ben', 'Cy']);
    await expect.poll(() => names(ana), { timeout: 5_000 }).toEqual(['Ana', 'Ben', 'Cy']);
  }, 60_000);

  it('removes the people of a SIGKILLed instance from everyone\'s list within 5 s, and leaves no ghosts', async () => {
    const [, two, three] = fixture.cluster.instances as [(typeof fixture.cluster.instances)[0], (typeof fixture.cluster.instances)[0], (typeof fixture.cluster.instances)[0]];
    const [ana, ben] = clients as [TestClient, TestClient, TestClient];
    // Ben would reconnect (to the dead port, in vain); stop him so only the server side can remove him.
    ben.provider.shouldConnect = false;
    const killedAt = Date.now();
    await fixture.cluster.kill(two);
    await expect.poll(() => names(ana), { timeout: 5_000, interval: 100 }).toEqual(['Ana', 'Cy']);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    // A fresh joiner on the third instance sees no ghost either.
    const dee = join(three.wsUrl, 'Dee');
    await dee.synced;
    await expect.poll(() => names(dee), { timeout: 5_000 }).toEqual(['Ana', 'Cy', 'Dee']);
  }, 60_000);
});
