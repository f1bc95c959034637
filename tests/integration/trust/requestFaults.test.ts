import { describe, expect, it } from 'vitest';
import { ROOM_REQUESTS } from '../../../server/src/relay/roomOps.ts';
import { defineOp } from '../../../server/src/relay/roomRequests.ts';
import { seatOps } from '../../../server/src/relay/seatOps.ts';
import { RoomRequestError } from '../../../client/src/sync/roomRequests.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { openRequester } from '../../helpers/requester.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom();

// A fault only this test file can reach: the registry is the server's own (it runs in this process),
// and no production module registers this op.
let failures = 0;
let closes = 0;
ROOM_REQUESTS.register({
  // What the old server did with a failing op: close the connection, leaving the request unanswered.
  closeForTest: defineOp({
    roles: ['participant', 'facilitator'],
    args: seatOps.mySeat!.args,
    run: ({ peer }) => {
      closes++;
      peer.close('malformed', { detail: 'test' });
    },
  }),
  failForTest: defineOp({
    roles: ['participant', 'facilitator'],
    // No arguments, like mySeat (this package does not depend on zod).
    args: seatOps.mySeat!.args,
    run: () => {
      failures++;
      throw new Error('store exploded at /srv/okr/server/src/store/secret.ts:42');
    },
  }),
});

describe('a room request that fails inside the server', () => {
  it('is answered internal, the connection stays and the client does not send it again', async () => {
    const client = openRequester(fixture.server.wsUrl, fixture.room.roomId, { seat: 'fault-test-seat-secret-0001' });
    fixture.onTearDown(client.destroy);
    let closes = 0;
    client.provider.on('connection-close', () => closes++);
    await client.synced;
    const before = failures;

    // Bounded, so the old behaviour (close 1007, resend on reconnect, again) fails with the count of tries.
    const err = await Promise.race([
      client.requests.request('failForTest').catch((e: unknown) => e),
      new Promise((r) => setTimeout(() => r(`no answer after ${failures - before} tries`), 5_000)),
    ]);
    expect(err).toBeInstanceOf(RoomRequestError);
    expect((err as RoomRequestError).code).toBe('internal');
    expect((err as RoomRequestError).message).not.toContain('secret.ts');

    // Still connected: the next request on the same socket is answered.
    expect(await client.requests.request<{ id: string }>('mySeat')).toMatchObject({ id: expect.any(String) });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(closes).toBe(0);
    expect(client.provider.wsconnected).toBe(true);
    expect(failures - before).toBe(1);
    // Operators see it: counted by op on /metrics (the log line has the error).
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_requests_failed_total', { op: 'failForTest' })).toBe(1);
  });

  it('a request whose connection closes each time is given up after 3 connections, with a message, not resent for ever', async () => {
    const client = openRequester(fixture.server.wsUrl, fixture.room.roomId, { seat: 'fault-test-seat-secret-0002' });
    fixture.onTearDown(client.destroy);
    await client.synced;
    const before = closes;
    const err = await Promise.race([
      client.requests.request('closeForTest').catch((e: unknown) => e),
      new Promise((r) => setTimeout(() => r(`still waiting after ${closes - before} tries`), 15_000)),
    ]);
    expect(err).toBeInstanceOf(RoomRequestError);
    expect((err as RoomRequestError).code).toBe('no-answer');
    expect((err as RoomRequestError).message).toMatch(/did not answer "closeForTest"/);
    // The provider reconnects as it always does; the request is not sent again.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(closes - before).toBe(3);
  }, 30_000);
});

