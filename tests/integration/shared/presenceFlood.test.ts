import { describe, expect, it } from 'vitest';
import { decodePresenceMessage } from '../../../server/src/bus/busMessage.ts';
import { RedisBus } from '../../../server/src/bus/redisBus.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { decodePresence } from '../../../server/src/relay/presence.ts';
import { openBoardClient, type TestClient } from '../../helpers/clients.ts';
import { createRoom } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/** Each room's presence on the bus from one instance, per second: low, so six connections within their own budgets pass it. */
const BUS_BYTES_PER_SECOND = 16 * 1024;
const FLOODERS = 6;
const FILLER_BYTES = 7_000;
/** How long the flood lasts while the calm room's cursor is followed. */
const FLOOD_MS = 4_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `field` of `clientId`'s presence as `client` sees it. */
const presenceField = (client: TestClient, clientId: number, field: string) => (client.provider.awareness.getStates().get(clientId) as Record<string, unknown> | undefined)?.[field];

describe('shared mode: a presence flood from one participant', () => {
  const fixture = useSharedCluster(2, { PRESENCE_BUS_BYTES_PER_SECOND: String(BUS_BYTES_PER_SECOND) });

  it('keeps the flooded room within its bus budget, loses none of its newest states, and does not hold another room’s presence', async () => {
    const [one, two] = fixture.cluster.instances as [Instance, Instance];
    const flooded = fixture.room.roomId;
    const calm = (await createRoom(one.httpUrl, 'Calm room')).roomId;

    // What crosses Redis for the flooded room, as another instance would receive it.
    const bus = new RedisBus(fixture.cluster.redis.url, createLogger('silent'), 'okr');
    fixture.track({ destroy: () => void bus.close() });
    await bus.start();
    const onBus: { at: number; bytes: number; states: number }[] = [];
    await bus.subscribe(bus.channel('presence', flooded), (message) => {
      const decoded = decodePresenceMessage(message);
      onBus.push({ at: Date.now(), bytes: message.length, states: decoded.kind === 'states' ? decodePresence(decoded.update).length : 0 });
    });

    const open = (instance: Instance, roomId: string) => fixture.track(openBoardClient(instance.wsUrl, roomId));
    const flooders = Array.from({ length: FLOODERS }, () => open(one, flooded));
    const localWatcher = open(one, flooded);
    const remoteWatcher = open(two, flooded);
    const [ana, ben] = [open(one, calm), open(two, calm)];
    await Promise.all([...flooders, localWatcher, remoteWatcher, ana, ben].map((client) => client.synced));

    // States of the flood that reached a client on the flooders' own instance: each connection's budget lets them through there.
    const flooderIds = new Set(flooders.map((f) => f.provider.awareness.clientID));
    let seenLocally = 0;
    localWatcher.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      seenLocally += [...added, ...updated].filter((id) => flooderIds.has(id)).length;
    });

    let round = 0;
    const flood = setInterval(() => {
      round++;
      for (const flooder of flooders) flooder.provider.awareness.setLocalStateField('filler', String(round).padEnd(FILLER_BYTES, 'x'));
    }, 50);
    const startedAt = Date.now();
    let moves = 0;
    try {
      while (Date.now() - startedAt < FLOOD_MS) {
        const move = ++moves;
        ana.provider.awareness.setLocalStateField('cursor', { x: move, y: move });
        await expect
          .poll(() => (presenceField(ben, ana.provider.awareness.clientID, 'cursor') as { x?: number } | undefined)?.x, {
            timeout: 5_000,
            message: `Ben (instance two) never saw Ana's cursor move ${move} in the calm room during the flood`,
          })
          .toBe(move);
        await sleep(100);
      }
    } finally {
      clearInterval(flood);
    }
    const seconds = (Date.now() - startedAt) / 1000;
    const lastRound = round;

    // The budget: a second's worth at once, the refill after it, and one message past the last refill
    // (at most every flooder's state, each under MAX_PRESENCE_BYTES, with the server's stamp).
    const busBytes = onBus.filter((m) => m.at >= startedAt).reduce((sum, m) => sum + m.bytes, 0);
    const bound = BUS_BYTES_PER_SECOND * (seconds + 1) + FLOODERS * 8 * 1024;
    expect(seenLocally * FILLER_BYTES, `the flood reached its own instance's clients (${seenLocally} states): it must pass the bus bound for this test to mean anything`).toBeGreaterThan(bound);
    expect(busBytes, `presence bytes on the bus for the flooded room in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(bound);

    // Nothing is lost: every flooder's newest state reaches the other instance once the budget refills.
    for (const flooder of flooders) {
      await expect
        .poll(() => String(presenceField(remoteWatcher, flooder.provider.awareness.clientID, 'filler') ?? '').replace(/x+$/, ''), {
          timeout: 10_000,
          message: `the other instance never showed flooder ${flooder.provider.awareness.clientID}'s newest state (round ${lastRound})`,
        })
        .toBe(String(lastRound));
    }
  });
});
