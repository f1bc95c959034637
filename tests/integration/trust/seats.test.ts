import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MESSAGE_REQUEST } from '@okr/shared/protocol';
import { eventually } from '../../helpers/clients.ts';
import { tryUpgrade } from '../../helpers/rawSocket.ts';
import { openRequester, type RequesterOptions, refusalCode } from '../../helpers/requester.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom();

const ANA_SEAT = 'ana-device-secret-000000000001';
const ANA_SECOND_DEVICE = 'ana-second-device-secret-0001';

function requester(options: RequesterOptions = {}) {
  const client = openRequester(fixture.server.wsUrl, fixture.room.roomId, options);
  fixture.onTearDown(client.destroy);
  return client;
}

function requestFrame(json: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REQUEST);
  encoding.writeVarString(encoder, json);
  return encoding.toUint8Array(encoder);
}


describe('seats', () => {
  it('gives the same seat to every connection that brings the same secret, and a fresh one to a stock client without', async () => {
    const first = requester({ seat: ANA_SEAT });
    const again = requester({ seat: ANA_SEAT });
    const stock = requester();
    const [a, b, c] = await Promise.all([first, again, stock].map((client) => client.requests.request<{ id: string }>('mySeat')));
    expect(a!.id).toBe(b!.id);
    expect(c!.id).not.toBe(a!.id);
    // Pushed on join, to clients that announced the channel.
    await eventually(() => (first.requests.last('seat') as { id?: string } | undefined)?.id === a!.id, 'seat event');
  });

  it('keeps a seat across a restart of the room', async () => {
    const before = requester({ seat: ANA_SEAT });
    const { id } = await before.requests.request<{ id: string }>('nameMySeat', { name: 'Ana' });
    before.destroy();
    await eventually(() => fixture.server.relayConnections() === 0, 'room empty');
    fixture.server.registry.unload(fixture.room.roomId);
    const after = requester({ seat: ANA_SEAT });
    expect(await after.requests.request('mySeat')).toEqual({ id, name: 'Ana' });
  });

  it('lets only the facilitator list, rename, merge and hand over seats', async () => {
    const ana = requester({ seat: ANA_SEAT });
    const anaAgain = requester({ seat: ANA_SECOND_DEVICE });
    const facilitator = requester({ key: fixture.room.facilitatorKey });
    const anaSeat = await ana.requests.request<{ id: string }>('nameMySeat', { name: 'Ana' });
    const twinSeat = await anaAgain.requests.request<{ id: string }>('nameMySeat', { name: 'Ana (phone)' });

    for (const [op, args] of [
      ['listSeats', {}],
      ['renameSeat', { seatId: twinSeat.id, name: 'Mal' }],
      ['mergeSeats', { from: anaSeat.id, into: twinSeat.id }],
      ['handOverSeat', { seatId: anaSeat.id }],
    ] as const) {
      expect(await refusalCode(ana.requests.request(op, args))).toBe('forbidden');
    }

    const seats = await facilitator.requests.request<{ id: string; name: string; connected: boolean }[]>('listSeats');
    expect(seats).toEqual(expect.arrayContaining([expect.objectContaining({ ...anaSeat, connected: true }), expect.objectContaining({ ...twinSeat, connected: true })]));
    expect(await facilitator.requests.request('renameSeat', { seatId: twinSeat.id, name: 'Ana P.' })).toEqual({ id: twinSeat.id, name: 'Ana P.' });
    await eventually(() => (anaAgain.requests.last('seat') as { name?: string } | undefined)?.name === 'Ana P.', 'renamed seat pushed to its holder');

    // Someone who joined twice: the phone's seat now counts as the laptop's.
    expect(await facilitator.requests.request('mergeSeats', { from: twinSeat.id, into: anaSeat.id })).toEqual(anaSeat);
    expect(await anaAgain.requests.request('mySeat')).toEqual(anaSeat);
    expect(await refusalCode(facilitator.requests.request('mergeSeats', { from: twinSeat.id, into: anaSeat.id }))).toBe('same-seat');

    // A new device takes the seat only with what the facilitator hands over.
    const { secret } = await facilitator.requests.request<{ secret: string }>('handOverSeat', { seatId: anaSeat.id });
    const tablet = requester({ seat: secret });
    expect(await tablet.requests.request('mySeat')).toEqual(anaSeat);
  });

  it('keeps the facilitator’s People list live: pushed when someone comes, is named or goes', async () => {
    const facilitator = requester({ key: fixture.room.facilitatorKey });
    await facilitator.synced;
    type Row = { id: string; name: string; connected: boolean; devices: number; role: string | null };
    const listed = (name: string) => ((facilitator.requests.last('seats') as Row[] | undefined) ?? []).find((row) => row.name === name);
    const ana = requester({ seat: ANA_SEAT });
    await ana.requests.request('nameMySeat', { name: 'Ana' });
    await eventually(() => listed('Ana')?.connected === true, 'Ana listed as here');
    expect(listed('Ana')).toMatchObject({ role: 'participant', devices: 1 });
    const phone = requester({ seat: ANA_SEAT });
    await phone.synced;
    await eventually(() => listed('Ana')?.devices === 2, 'Ana’s second device counted');
    ana.destroy();
    phone.destroy();
    await eventually(() => listed('Ana')?.connected === false, 'Ana listed as away');
    expect(listed('Ana')).toMatchObject({ role: null, devices: 0 });
  });

  it('answers bad requests with a code and keeps the connection; closes one that is not a request', async () => {
    const ana = requester({ seat: ANA_SEAT });
    expect(await refusalCode(ana.requests.request('noSuchOp'))).toBe('unknown-op');
    expect(await refusalCode(ana.requests.request('nameMySeat', { name: '' }))).toBe('invalid-args');
    expect(await refusalCode(ana.requests.request('nameMySeat', { name: 'Ana', extra: 1 }))).toBe('invalid-args');
    expect(await ana.requests.request('nameMySeat', { name: 'Ana' })).toMatchObject({ name: 'Ana' });

    const raw = await fixture.raw(`/sync/${fixture.room.roomId}/control`);
    raw.ws.send(requestFrame('{"op": "mySeat"'));
    expect(await raw.closed).toEqual({ code: 1007, reason: 'malformed message' });
  });

  it('refuses a malformed seat secret at the door', async () => {
    const answer = await tryUpgrade(`${fixture.server.wsUrl}/sync/${fixture.room.roomId}?seat=short`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/malformed seat secret/);
  });
  it.each([
    ['a right-to-left override', '\u202Enaibel', 'naibel'],
    ['zero-width characters to pass as someone else', 'A\u200Bn\u200Da', 'Ana'],
    ['bidi isolates and spaces', '  \u2067Ben\u2069   Lee ', 'Ben Lee'],
    ['an emoji ZWJ sequence (kept)', 'Ana 👩🏽\u200D💻', 'Ana 👩🏽\u200D💻'],
    ['Arabic (kept)', 'محمد', 'محمد'],
  ])('names a seat cleanly when it comes with %s', async (_name, raw, shown) => {
    const ana = requester({ seat: ANA_SEAT });
    const facilitator = requester({ key: fixture.room.facilitatorKey });
    expect(await ana.requests.request('nameMySeat', { name: raw })).toMatchObject({ name: shown });
    const { id } = await ana.requests.request<{ id: string }>('mySeat');
    expect(await facilitator.requests.request('renameSeat', { seatId: id, name: `${raw}\u200B` })).toMatchObject({ name: shown });
    expect(await ana.requests.request('mySeat')).toEqual({ id, name: shown });
  });

  it('refuses a seat name with nothing visible, and the connection stays', async () => {
    const ana = requester({ seat: ANA_SEAT });
    expect(await refusalCode(ana.requests.request('nameMySeat', { name: '\u202E\u200B\u3164 ' }))).toBe('invalid-args');
    expect(await ana.requests.request('nameMySeat', { name: 'Ana' })).toMatchObject({ name: 'Ana' });
  });

  it('a room created with a bidi override in its title is titled cleanly', async () => {
    const created = await fetch(`${fixture.server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: '\u202E3Q \u200BSRKO ' }) });
    const { roomId } = (await created.json()) as { roomId: string };
    const described = await fetch(`${fixture.server.httpUrl}/api/rooms/${roomId}`);
    expect(await described.json()).toEqual({ title: '3Q SRKO' });
  });
});
