import { describe, expect, it } from 'vitest';
import { eventually, type TestClient } from '../../helpers/clients.ts';
import { awarenessMessage } from '../../helpers/rawSocket.ts';
import { openRequester } from '../../helpers/requester.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';
import { readiness } from '@okr/shared/workshop';
import { readPresence } from '../../../client/src/sync/presence.ts';

// "Presence can be taken over" (issue 14): a newer clock on Ana's presence id renamed her and
// marked her ready, her own client adopted the forged state, and anyone could clear anyone's
// presence, the facilitator's included. Presence ids now belong to the seat that first showed
// them, and what a connection shows carries its seat, its seat's name and its real role.

const fixture = useServerWithRoom();
const ANA_SEAT = 'ana-presence-secret-00000000001';
const MAL_SEAT = 'mal-presence-secret-00000000001';

type User = { id: string; name: string; color: string; role: string };
const user = (name: string, role = 'participant'): User => ({ id: name.toLowerCase(), name, color: '#336699', role });
const stateOf = (client: TestClient, id: number) => client.provider.awareness.getStates().get(id) as { user?: User; ready?: Record<string, boolean>; seatId?: string } | undefined;
const serverPresence = () => fixture.server.registry.get(fixture.room.roomId)?.presenceIds() ?? [];

async function person(name: string, options: { seat?: string; key?: string; role?: string } = {}): Promise<TestClient> {
  const client = fixture.board({ seat: options.seat, key: options.key });
  await client.synced;
  client.provider.awareness.setLocalStateField('user', user(name, options.role));
  await eventually(() => serverPresence().includes(client.provider.doc.clientID), `the server shows ${name}`);
  return client;
}

describe('presence belongs to its seat', () => {
  it('a forged newer clock on Ana’s presence id neither renames her nor marks her ready, and her own client keeps its state', async () => {
    const ana = await person('Ana', { seat: ANA_SEAT });
    const bo = await person('Bo');
    const anaId = ana.provider.doc.clientID;
    await eventually(() => stateOf(bo, anaId)?.user?.name === 'Ana', 'Bo sees Ana');

    const mal = await person('Mal', { seat: MAL_SEAT });
    const malRaw = await fixture.raw(`/sync/${fixture.room.roomId}?seat=${MAL_SEAT}`);
    const clock = fixture.server.registry.get(fixture.room.roomId)!.awareness.meta.get(anaId)!.clock;
    const forged = JSON.stringify({ user: user('Ana (away, vote for Mal)'), ready: { 'draft:0': true } });
    malRaw.send(awarenessMessage([{ clientId: anaId, clock: clock + 100, state: forged }]));
    expect(await malRaw.roundTrip()).toBe('alive');
    // Mal's own presence, sent after the forgery, reaches Bo: the forgery was handled and dropped.
    mal.provider.awareness.setLocalStateField('ready', { 'draft:0': true });
    await eventually(() => stateOf(bo, mal.provider.doc.clientID)?.ready?.['draft:0'] === true, 'Bo sees Mal ready');

    expect(stateOf(bo, anaId)?.user?.name).toBe('Ana');
    expect(stateOf(bo, anaId)?.ready).toBeUndefined();
    expect(ana.provider.awareness.getLocalState()).toEqual({ user: user('Ana') });
    // Ana's next change still goes out under her id, from her own state.
    ana.provider.awareness.setLocalStateField('ready', { 'draft:0': false });
    await eventually(() => stateOf(bo, anaId)?.ready?.['draft:0'] === false, 'Bo sees Ana’s own change');
    expect(stateOf(bo, anaId)?.user?.name).toBe('Ana');
  });

  it('nobody can clear someone else’s presence: not a participant, not a second facilitator connection', async () => {
    const key = fixture.room.facilitatorKey;
    const facilitator = await person('Fay', { key, role: 'facilitator' });
    const ana = await person('Ana', { seat: ANA_SEAT });
    const [fayId, anaId] = [facilitator.provider.doc.clientID, ana.provider.doc.clientID];
    const meta = () => fixture.server.registry.get(fixture.room.roomId)!.awareness.meta;

    for (const path of [`/sync/${fixture.room.roomId}?seat=${MAL_SEAT}`, `/sync/${fixture.room.roomId}?key=${key}`]) {
      const hostile = await fixture.raw(path);
      hostile.send(awarenessMessage([fayId, anaId].map((clientId) => ({ clientId, clock: meta().get(clientId)!.clock + 1_000, state: 'null' }))));
      expect(await hostile.roundTrip()).toBe('alive');
    }
    expect(serverPresence()).toEqual(expect.arrayContaining([fayId, anaId]));
    const witness = await person('Bo');
    await eventually(() => stateOf(witness, fayId)?.user?.name === 'Fay' && stateOf(witness, anaId)?.user?.name === 'Ana', 'a newcomer sees both');

    // Their own departure still clears them at once.
    ana.destroy();
    await eventually(() => !serverPresence().includes(anaId), 'Ana’s own close clears her');
  });

  it('a participant claiming the facilitator’s role is shown as a participant; the facilitator as the facilitator', async () => {
    const key = fixture.room.facilitatorKey;
    const mal = await person('Mal', { seat: MAL_SEAT, role: 'facilitator' });
    const fay = await person('Fay', { key, role: 'facilitator' });
    const bo = await person('Bo');
    await eventually(() => stateOf(bo, mal.provider.doc.clientID)?.user?.role === 'participant', 'Bo sees Mal as a participant');
    await eventually(() => stateOf(bo, fay.provider.doc.clientID)?.user?.role === 'facilitator', 'Bo sees Fay as the facilitator');
  });

  it('the name shown is the seat’s once it has one, and each state names its seat', async () => {
    const seatChannel = openRequester(fixture.server.wsUrl, fixture.room.roomId, { seat: ANA_SEAT });
    fixture.onTearDown(seatChannel.destroy);
    const seat = await seatChannel.requests.request<{ id: string }>('nameMySeat', { name: 'Ana Lima' });
    const ana = await person('The CEO', { seat: ANA_SEAT });
    const bo = await person('Bo');
    await eventually(() => stateOf(bo, ana.provider.doc.clientID)?.user?.name === 'Ana Lima', 'Bo sees the seat’s name');
    expect(stateOf(bo, ana.provider.doc.clientID)?.seatId).toBe(seat.id);
  });

  it('Ana’s reconnect, same document and same seat, shows her again', async () => {
    const ana = await person('Ana', { seat: ANA_SEAT });
    const bo = await person('Bo');
    const anaId = ana.provider.doc.clientID;
    ana.provider.disconnect();
    await eventually(() => !serverPresence().includes(anaId), 'Ana left');
    ana.provider.connect();
    await ana.synced;
    // A stock client re-sends its state at the clock the server already has; its next change goes through.
    ana.provider.awareness.setLocalStateField('ready', { 'draft:0': true });
    await eventually(() => stateOf(bo, anaId)?.user?.name === 'Ana' && stateOf(bo, anaId)?.ready?.['draft:0'] === true, 'Bo sees Ana again');
  });

  // "Readiness keyed by seat" (issue 14): the app grouped people by the `user.id` a client claims,
  // so a modified client could show itself as Ana's device, marked ready, or appear several times.
  it('readiness and the people list are keyed by the server’s seat: a claimed user id neither marks Ana ready nor counts twice', async () => {
    const malSeat = openRequester(fixture.server.wsUrl, fixture.room.roomId, { seat: MAL_SEAT });
    fixture.onTearDown(malSeat.destroy);
    await malSeat.requests.request('nameMySeat', { name: 'Mal' });
    const ana = await person('Ana', { seat: ANA_SEAT });
    const bo = await person('Bo');
    const mal = await person('Mal', { seat: MAL_SEAT });
    const key = 'draft@1';
    const seen = () => readiness(readPresence(bo.provider.awareness), key);

    // Honest path: Ana says she is done, and only she is shown done.
    ana.provider.awareness.setLocalStateField('ready', { [key]: true });
    await eventually(() => seen().ready.join() === 'Ana', 'Bo sees Ana done');

    ana.provider.awareness.setLocalStateField('ready', { [key]: false });
    await eventually(() => seen().ready.length === 0, 'Ana took it back');
    // Attack: Mal's modified client shows three more presence ids, each claiming Ana's user id, name and "done".
    const malRaw = await fixture.raw(`/sync/${fixture.room.roomId}?seat=${MAL_SEAT}`);
    const forged = JSON.stringify({ user: user('Ana'), ready: { [key]: true } });
    const ids = [9_001, 9_002, 9_003];
    malRaw.send(awarenessMessage(ids.map((clientId) => ({ clientId, clock: 1, state: forged }))));
    expect(await malRaw.roundTrip()).toBe('alive');
    await eventually(() => ids.every((id) => stateOf(bo, id) !== undefined), 'Bo receives the forged states');

    // Each forged state carries Mal's seat and Mal's name; Ana's own seat is still not done.
    for (const id of ids) expect(stateOf(bo, id)).toMatchObject({ seatId: (await malSeat.requests.request<{ id: string }>('mySeat')).id, user: { name: 'Mal' } });
    const people = readPresence(bo.provider.awareness);
    expect(people.map((p) => p.user.name).sort()).toEqual(['Ana', 'Bo', 'Mal']);
    expect(seen()).toEqual({ ready: ['Mal'], waiting: ['Ana', 'Bo'] });
    expect(mal.provider.awareness.getLocalState()).toMatchObject({ user: { name: 'Mal' } });
  });
});
