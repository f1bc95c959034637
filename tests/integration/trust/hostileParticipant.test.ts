import { describe, expect, it } from 'vitest';
import type { RoomRequestError } from '../../../client/src/sync/roomRequests.ts';
import { eventually, openControlClient } from '../../helpers/clients.ts';
import { openRequester } from '../../helpers/requester.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// What a participant with a modified client can do through the server's own writes: the server
// publishes what it is handed (anonymous cards), so the limits a participant's own update meets
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
