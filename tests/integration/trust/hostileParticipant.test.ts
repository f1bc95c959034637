import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RoomRequestError } from '../../../client/src/sync/roomRequests.ts';
import { eventually, openControlClient } from '../../helpers/clients.ts';
import { openRequester } from '../../helpers/requester.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// What a participant with a modified client can make the server store for them: cards it
// publishes (anonymous cards) and seats it keeps. The limits a participant's own update meets
// must hold there too.

const fixture = useServerWithRoom({ startInTest: true });

/** The room's board as the relay measures it against MAX_DOC_BYTES: compacted. */
function boardBytes(): number {
  const relay = fixture.server.registry.get(fixture.room.roomId)!.board;
  relay.compact();
  return relay.approximateBytes();
}

const fullSet = (seat: string) => Array.from({ length: 50 }, (_, i) => ({ id: `${seat}-${i}`, text: `${seat} ${i} `.padEnd(500, 'z') }));

describe('cards handed to the server', () => {
  it('cannot grow the board past MAX_DOC_BYTES: an offer that does not fit is refused with board-full, and the reveal stays within the limit', async () => {
    const maxDocBytes = 48 * 1024;
    await fixture.start({ maxDocBytes });
    const { wsUrl } = fixture.server;
    const { roomId, facilitatorKey } = fixture.room;
    const fay = openControlClient(wsUrl, roomId, { key: facilitatorKey });
    fixture.onTearDown(fay.destroy);
    await fay.synced;
    fay.control.set({ anonymous: true });

    // Three seats of one curious participant, each handing over the most one writer may hold (25 KB of text).
    const outcomes: (string | null)[] = [];
    for (const seat of ['mallory1', 'mallory2', 'mallory3']) {
      const requester = openRequester(wsUrl, roomId, { seat: `${seat}-secret-000000000000000` });
      fixture.onTearDown(requester.destroy);
      await requester.synced;
      outcomes.push(
        await requester.requests.request('offerCards', { step: 'draft', cards: fullSet(seat) }).then(
          () => null,
          (err: RoomRequestError) => err.code,
        ),
      );
    }
    expect(outcomes[0]).toBeNull();
    expect(outcomes.slice(1)).toContain('board-full');

    fay.control.reveal('draft');
    const relay = fixture.server.registry.get(roomId)!;
    await eventually(() => relay.boardView().candidates.list().length >= 50, 'the first seat’s cards published');
    expect(boardBytes()).toBeLessThanOrEqual(maxDocBytes);
  });
});

describe('cards handed to the server on a signed board', () => {
  it('are refused (not-anonymous): a participant cannot publish an untraceable card where the facilitator chose signed ones', async () => {
    await fixture.start();
    const { wsUrl } = fixture.server;
    const { roomId, facilitatorKey } = fixture.room;
    const fay = openControlClient(wsUrl, roomId, { key: facilitatorKey });
    fixture.onTearDown(fay.destroy);
    await fay.synced;
    fay.control.reveal('draft');
    const mallory = openRequester(wsUrl, roomId, { seat: 'mallory-secret-0000000000000000' });
    fixture.onTearDown(mallory.destroy);
    await mallory.synced;
    const answer = await mallory.requests.request('offerCards', { step: 'draft', cards: [{ id: 'untraceable-1', text: 'Nobody can tell who wrote this' }] }).then(
      () => 'published',
      (err: RoomRequestError) => err.code,
    );
    expect(answer).toBe('not-anonymous');
    // Writing is open, so a taken card would have gone out within the batch delay (at most 5 s).
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(fixture.server.registry.get(roomId)!.boardView().candidates.list()).toEqual([]);
  });
});

describe('seats', () => {
  it('a client reconnecting with a fresh seat secret (or none) each time, voting from each, stores at most twice its address’s worth of seats; past it, a secret still finds its seat while connected', async () => {
    const perAddress = 20;
    await fixture.start({ maxConnectionsPerRoomPerIp: perAddress });
    const { wsUrl } = fixture.server;
    const { roomId } = fixture.room;
    // A stock client without a secret keeps the room loaded (its seat lives in memory) and writes a key result to vote on.
    const seed = fixture.board();
    await seed.synced;
    const keyResultId = seed.board.addKeyResult({ title: 'Churn from 5% to 3%' });
    const room = fixture.server.registry.get(roomId)!;
    await eventually(() => room.boardView().keyResults.has(keyResultId), 'the key result reached the server');

    for (let i = 0; i < 3 * perAddress; i++) {
      const socket = await fixture.raw(`/sync/${roomId}?seat=${randomBytes(18).toString('base64url')}`);
      expect(await socket.roundTrip()).toBe('alive');
      socket.terminate();
      await socket.closed;
    }
    // Before, every one was stored for good (500 connections: 500 seats, 69 KB of the private
    // document, 43 KB pushed to each facilitator on every join), each a row on the People screen.
    await eventually(() => room.connectionCount() === 1, 'every probe has left');
    expect(room.seats.stored()).toHaveLength(2 * perAddress);

    // Secretless seats that vote are stored too (their vote must last): the same budget holds them.
    const refusals: string[] = [];
    for (let i = 0; i < 3; i++) {
      const voter = openRequester(wsUrl, roomId);
      await voter.synced;
      refusals.push(await voter.requests.request('castConfidence', { keyResultId, value: 0.6 }).then(() => 'ok', (err: RoomRequestError) => err.code));
      voter.destroy();
    }
    expect(refusals).toEqual(['too-many-seats', 'too-many-seats', 'too-many-seats']);
    expect(room.seats.stored()).toHaveLength(2 * perAddress);
    expect(room.controlView().state().confidenceCounts[keyResultId] ?? 0).toBe(0);

    // An honest device arriving now: its two connections (board and control) hold one seat.
    const secret = 'late-laptop-secret-0000000001';
    const [board, control] = [openRequester(wsUrl, roomId, { seat: secret }), openRequester(wsUrl, roomId, { seat: secret })];
    fixture.onTearDown(board.destroy);
    fixture.onTearDown(control.destroy);
    const seats = await Promise.all([board, control].map(async (r) => (await r.synced, r.requests.request<{ id: string }>('mySeat'))));
    expect(seats[0]!.id).toBe(seats[1]!.id);
  });
});
