import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, relayHandled, type TestClient } from '../../helpers/clients.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';
import { captureUpdate, updateMessage } from '../../helpers/rawSocket.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';

// 200 people in one room: each accepted batch of updates is encoded once and sent to everyone,
// once per event-loop turn, not once per update or per recipient. okr_broadcasts_total counts the
// encodings, okr_messages_out_total the sends.

const PEOPLE = 200;
// All 200 people and the writer connect from one address here; the per-address seat limit would otherwise turn most away.
const fixture = useServerWithRoom({ per: 'file', config: { maxConnectionsPerRoomPerIp: PEOPLE + 1 } });
const clients: TestClient[] = [];

beforeAll(async () => {
  // Each stock provider listens for process exit.
  process.setMaxListeners(PEOPLE + 50);
  for (let i = 0; i < PEOPLE; i++) clients.push(fixture.board());
  await Promise.all(clients.map((c) => c.synced));
  // No presence for this measurement: only document updates are broadcast while we count.
  for (const c of clients) c.provider.awareness.setLocalState(null);
  // Stock clients echo each removal they receive: wait until all have it, then until the relay has
  // handled every echo, so none is counted below.
  await eventually(() => clients.every((c) => c.provider.awareness.getStates().size === 0), 'nobody shows presence', 30_000);
  await Promise.all(clients.map((c) => relayHandled(c.provider)));
}, 60_000);

async function counters() {
  const m = await scrapeMetrics(fixture.server.httpUrl);
  return { broadcasts: m.value('okr_broadcasts_total', { kind: 'update' }), sent: m.value('okr_messages_out_total'), received: m.value('okr_messages_in_total') };
}

describe(`a room of ${PEOPLE}`, () => {
  it('N updates arriving in one turn go out as one broadcast, encoded once, sent once to each connection', async () => {
    const writer = await fixture.raw();
    expect(await writer.roundTrip()).toBe('alive');
    const before = await counters();
    const doc = new Y.Doc();
    const N = 50;
    const frames = Array.from({ length: N }, (_, i) => updateMessage(captureUpdate(doc, () => doc.getMap('dismissals').set(`rule:edit${i}`, { key: `rule:edit${i}`, by: `edit ${i}` }))));
    writer.sendBurst(frames);
    await eventually(() => clients.every((c) => c.board.ydoc.getMap('dismissals').size === N), `all ${PEOPLE} clients have all ${N} edits`, 20_000);
    const after = await counters();
    expect(after.received - before.received).toBe(N);
    expect(after.broadcasts - before.broadcasts).toBe(1);
    // One message per connection: the 200 clients and the writer.
    expect(after.sent - before.sent).toBe(PEOPLE + 1);
    writer.terminate();
  });

  it(`everyone editing at once: far fewer broadcasts than updates, each sent to every connection`, async () => {
    // The last test's writer is gone: only the room's people are sent to.
    await eventually(() => fixture.server.relayConnections() === PEOPLE, 'the writer has left');
    const before = await counters();
    clients.forEach((c, i) => c.board.addCandidate({ text: `idea from ${i}` }));
    await eventually(() => clients.every((c) => c.board.candidates.list().length === PEOPLE), 'every client has every idea', 30_000);
    const after = await counters();
    const broadcasts = after.broadcasts - before.broadcasts;
    console.info(`${PEOPLE} simultaneous edits -> ${broadcasts} broadcast(s), ${after.sent - before.sent} messages sent`);
    expect(after.received - before.received).toBe(PEOPLE);
    expect(broadcasts).toBeLessThanOrEqual(PEOPLE / 10);
    expect(after.sent - before.sent).toBe(broadcasts * PEOPLE);
  });
});
