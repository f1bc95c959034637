import { describe, expect, it } from 'vitest';
import { eventually, type TestClient } from '../../helpers/clients.ts';
import { awarenessMessage } from '../../helpers/rawSocket.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// A closed connection's presence is cleared at once, however it closed: no ghosts. And one
// connection cannot erase or flood anyone else's presence.

const fixture = useServerWithRoom();
const board = () => fixture.board();
const raw = () => fixture.raw();
const others = (c: TestClient) => [...c.provider.awareness.getStates().keys()].filter((id) => id !== c.provider.doc.clientID);
const serverPresence = () => fixture.server.registry.get(fixture.room.roomId)?.presenceIds() ?? [];
const state = (name: string) => JSON.stringify({ user: { name, color: '#123456' } });

describe('presence', () => {
  it('a connection that vanishes without saying goodbye leaves no ghost, for those present and for late joiners', async () => {
    const a = board();
    await a.synced;
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const ghost = await raw();
    ghost.send(awarenessMessage([{ clientId: 4242, clock: 1, state: state('Gone soon') }]));
    await eventually(() => others(a).includes(4242), 'A sees the other person');

    const started = Date.now();
    ghost.terminate(); // no awareness "null" update, no close frame: a dropped laptop
    await eventually(() => !others(a).includes(4242), 'A no longer sees them', 2_000);
    // Far sooner than awareness's own 30 s timeout.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(serverPresence()).not.toContain(4242);

    const late = board();
    await late.synced;
    await eventually(() => others(late).includes(a.provider.doc.clientID), 'the late joiner sees A');
    expect(others(late)).not.toContain(4242);
  });

  it('a stock client that closes is removed at once, and a late echo of its state does not bring it back', async () => {
    const [a, b] = [board(), board()];
    await Promise.all([a.synced, b.synced]);
    b.provider.awareness.setLocalStateField('user', { name: 'Bo' });
    const bId = b.provider.doc.clientID;
    await eventually(() => others(a).includes(bId), 'A sees B');
    b.destroy();
    await eventually(() => !others(a).includes(bId), 'B disappears from A at once', 2_000);
    expect(serverPresence()).not.toContain(bId);
    // Stock clients echo every presence update they receive; one still in flight must not revive B.
    const echo = await raw();
    const clock = fixture.server.registry.get(fixture.room.roomId)!.awareness.meta.get(bId)!.clock;
    echo.send(awarenessMessage([{ clientId: bId, clock, state: state('Bo') }]));
    expect(await echo.roundTrip()).toBe('alive');
    expect(serverPresence()).not.toContain(bId);
    expect(others(a)).not.toContain(bId);
  });

  it('a connection cannot clear someone else’s presence, nor set more than a few ids', async () => {
    const a = board();
    await a.synced;
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const aId = a.provider.doc.clientID;
    await eventually(() => serverPresence().includes(aId), 'the server has A');

    const hostile = await raw();
    hostile.send(awarenessMessage([{ clientId: aId, clock: 1_000_000, state: 'null' }]));
    // Then a presence of its own on the same connection: once A sees it, the clear was handled.
    hostile.send(awarenessMessage([{ clientId: 4343, clock: 1, state: state('Witness') }]));
    await eventually(() => others(a).includes(4343), 'A sees the hostile connection\'s own presence');
    expect(serverPresence()).toContain(aId);
    expect(hostile.isOpen).toBe(true);

    hostile.send(awarenessMessage([1, 2, 3, 4, 5].map((id) => ({ clientId: id, clock: 1, state: state(`puppet ${id}`) }))));
    expect(await hostile.closed).toEqual({ code: 1007, reason: 'malformed message' });
    expect(serverPresence()).toEqual([aId]);
  });

  it.each([
    ['not JSON', '{"user": '],
    ['JSON but not an object', '[1, 2, 3]'],
    ['a bare number', '42'],
  ])('a presence state that is %s closes that connection (1007) and applies nothing', async (_name, bad) => {
    const a = board();
    await a.synced;
    const hostile = await raw();
    // A valid entry first: it must not be applied when a later one is bad.
    hostile.send(awarenessMessage([{ clientId: 777, clock: 1, state: state('first') }, { clientId: 778, clock: 1, state: bad }]));
    expect(await hostile.closed).toEqual({ code: 1007, reason: 'malformed message' });
    expect(serverPresence()).not.toContain(777);
    expect(a.provider.wsconnected).toBe(true);
  });
});
