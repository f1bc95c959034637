import { describe, expect, it } from 'vitest';
import { openControlClient } from '../../helpers/clients.ts';
import { askTicket, rotate, type RoomLinks } from '../../helpers/links.ts';
import { RawClient, tryUpgrade } from '../../helpers/rawSocket.ts';
import { createRoom } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * Links and their rotation in shared mode (issue 12): a rotation made on one instance cuts the
 * connections admitted with the old link on every instance (4410) and refuses it everywhere
 * (410), as links.test.ts checks on one server.
 */

const REVOKED = { code: 4410, reason: 'this link no longer opens this board' };

describe('shared mode: links and rotation across instances', () => {
  const fixture = useSharedCluster(3);
  const track = fixture.track;
  const instances = () => fixture.cluster.instances as [Instance, Instance, Instance];
  const raw = async (instance: Instance, path: string) => {
    const client = await RawClient.open(`${instance.wsUrl}${path}`, { keepMessages: false });
    track({ destroy: () => client.ws.terminate() });
    return client;
  };
  const api = (instance: Instance, path: string, key?: string) => fetch(`${instance.httpUrl}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });

  it('GET /api/rooms/<id>/links answers on every instance, for the facilitator only', async () => {
    const [one, two] = instances();
    const { roomId, facilitatorKey, viewerKey } = await createRoom(one.httpUrl, 'Links everywhere');
    const res = await api(two, `/api/rooms/${roomId}/links`, facilitatorKey);
    expect(res.status).toBe(200);
    expect((await res.json()) as RoomLinks).toMatchObject({ roomId, facilitatorKey, viewerKey, participantKey: null });
    expect((await api(two, `/api/rooms/${roomId}/links`, viewerKey)).status).toBe(401);
    expect((await api(two, `/api/rooms/${roomId}/links`)).status).toBe(401);
  }, 60_000);

  it('the participant link rotated on one instance: open-link sockets on the others close, the old link is refused everywhere, the new one works, the projector shows it', async () => {
    const [one, two, three] = instances();
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    const openLinkOnTwo = await raw(two, `/sync/${roomId}`);
    const openLinkOnThree = await raw(three, `/sync/${roomId}/control`);
    const projector = track(openControlClient(three.wsUrl, roomId, { viewerKey }));
    await projector.synced;

    const links = await rotate(one.httpUrl, roomId, facilitatorKey, 'participant');
    expect(await openLinkOnTwo.closed).toEqual(REVOKED);
    expect(await openLinkOnThree.closed).toEqual(REVOKED);
    expect((await tryUpgrade(`${two.wsUrl}/sync/${roomId}`)).status).toBe(410);
    expect((await tryUpgrade(`${three.wsUrl}/sync/${roomId}?key=${links.participantKey}`)).status).toBe(101);
    await expect.poll(() => projector.control.state().joinUrl, { timeout: 5_000 }).toBe(links.participantUrl);

    // Rotating again, on another instance, revokes the first participant key on every instance.
    const firstKeyOnOne = await raw(one, `/sync/${roomId}?key=${links.participantKey}`);
    const again = await rotate(two.httpUrl, roomId, facilitatorKey, 'participant');
    expect(await firstKeyOnOne.closed).toEqual(REVOKED);
    expect((await api(three, `/api/rooms/${roomId}`, links.participantKey ?? '')).status).toBe(410);
    expect((await tryUpgrade(`${one.wsUrl}/sync/${roomId}?key=${again.participantKey}`)).status).toBe(101);
  }, 60_000);

  it('a room loaded nowhere gets the new join link through the log', async () => {
    const [one, two] = instances();
    const { roomId, facilitatorKey, viewerKey } = await createRoom(one.httpUrl, 'Idle room');
    const links = await rotate(one.httpUrl, roomId, facilitatorKey, 'participant');
    const projector = track(openControlClient(two.wsUrl, roomId, { viewerKey }));
    await projector.synced;
    expect(projector.control.state().joinUrl).toBe(links.participantUrl);
  }, 60_000);

  it('the projector and facilitator links: old sockets on other instances close, tickets for the old key are refused wherever they are redeemed', async () => {
    const [one, two, three] = instances();
    const room = await createRoom(one.httpUrl, 'Rotations');
    const viewerOnThree = await raw(three, `/view/${room.viewerKey}`);
    const newViewer = await rotate(one.httpUrl, room.roomId, room.facilitatorKey, 'viewer');
    expect(await viewerOnThree.closed).toEqual(REVOKED);
    expect((await tryUpgrade(`${two.wsUrl}/view/${room.viewerKey}`)).status).toBe(410);
    expect((await tryUpgrade(`${two.wsUrl}/view/${newViewer.viewerKey}`)).status).toBe(101);

    const { body: used } = await askTicket(one.httpUrl, room.facilitatorKey, room.roomId);
    const ticketOnTwo = await raw(two, `/sync/${room.roomId}/control?ticket=${used.ticket}`);
    const { body: unused } = await askTicket(two.httpUrl, room.facilitatorKey, room.roomId);
    const newFacilitator = await rotate(three.httpUrl, room.roomId, room.facilitatorKey, 'facilitator');
    expect(await ticketOnTwo.closed).toEqual(REVOKED);
    expect((await tryUpgrade(`${one.wsUrl}/sync/${room.roomId}?ticket=${unused.ticket}`)).status).toBe(410);
    expect((await askTicket(two.httpUrl, room.facilitatorKey, room.roomId)).status).toBe(410);
    expect((await api(one, `/api/rooms/${room.roomId}/links`, room.facilitatorKey)).status).toBe(410);
    // The new facilitator key opens the links sealed under it, on any instance.
    const links = (await (await api(two, `/api/rooms/${room.roomId}/links`, newFacilitator.facilitatorKey)).json()) as RoomLinks;
    expect(links.viewerKey).toBe(newViewer.viewerKey);
  }, 60_000);
});
