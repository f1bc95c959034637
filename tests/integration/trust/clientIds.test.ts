import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, ORIGIN } from '@okr/shared/doc';
import { eventually, relayHandled, type TestClient } from '../../helpers/clients.ts';
import { updateMessage } from '../../helpers/rawSocket.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// "Yjs client ids are not bound to anyone" (issue 14): a participant could write under another
// person's client id, and that person's next edits were silently ignored until they reloaded.
// Each client id now belongs to the seat that first used it (kept across restarts for a seat
// with a secret); an update under another seat's or the server's id closes its sender (4503).

const fixture = useServerWithRoom();
const ANA_SEAT = 'ana-writer-secret-000000000001';
const MAL_SEAT = 'mal-writer-secret-000000000001';
const serverRoom = () => fixture.server.registry.get(fixture.room.roomId)!;
const serverTexts = () => new BoardDoc(serverRoom().board.ydoc).candidates.list().map((c) => c.text);

async function write(client: TestClient, text: string): Promise<void> {
  client.board.addCandidate({ text });
  await relayHandled(client.provider);
}

/**
 * What Mal's modified client sends: the room as the server has it, then one card written under
 * `clientId` at that id's next clock (a stock Yjs document would notice the id is taken and pick
 * another, so the update is made by hand, as the attack was). Returns how the server answered.
 */
async function malWritesAs(clientId: number, text: string) {
  const mal = await fixture.raw(`/sync/${fixture.room.roomId}?seat=${MAL_SEAT}`);
  // Once its connection is in, the room is loaded (after a restart, Mal is the first one back).
  await eventually(() => fixture.server.registry.get(fixture.room.roomId) !== undefined, 'the room is loaded');
  const doc = Y.encodeStateAsUpdate(serverRoom().board.ydoc);
  const forger = new BoardDoc();
  Y.applyUpdate(forger.ydoc, doc);
  const before = Y.encodeStateVector(forger.ydoc);
  forger.ydoc.clientID = clientId;
  forger.addCandidate({ text });
  mal.send(updateMessage(Y.encodeStateAsUpdate(forger.ydoc, before)));
  return mal.roundTrip();
}

describe('writes are bound to their writer', () => {
  it('an update under Ana’s client id is refused (4503), nothing of it is kept, and Ana’s next edits apply', async () => {
    const ana = fixture.board({ seat: ANA_SEAT });
    await ana.synced;
    await write(ana, 'Ana’s first card');
    const rejectedBefore = (await scrapeMetrics(fixture.server.httpUrl)).value('okr_rejected_updates_total', { reason: 'foreign-client-id' });

    const close = await malWritesAs(ana.board.ydoc.clientID, 'Mal, posing as Ana');
    if (close === 'alive') throw new Error('the forged update was accepted');
    expect(close.code).toBe(4503);
    expect(close.reason).toMatch(/^update written under a Yjs client id that belongs to someone else in this room/);
    expect(serverTexts()).toEqual(['Ana’s first card']);
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_rejected_updates_total', { reason: 'foreign-client-id' })).toBe(rejectedBefore + 1);

    await write(ana, 'Ana’s second card');
    const bo = fixture.board();
    await bo.synced;
    await eventually(() => bo.board.candidates.list().length === 2, 'Bo has both of Ana’s cards');
    expect(bo.board.candidates.list().map((c) => c.text)).toEqual(['Ana’s first card', 'Ana’s second card']);
    expect(ana.provider.wsconnected).toBe(true);
  });

  it('Ana’s id stays hers across a restart of the room: Mal connecting first cannot take it', async () => {
    const ana = fixture.board({ seat: ANA_SEAT });
    await ana.synced;
    await write(ana, 'Before the restart');
    const anaId = ana.board.ydoc.clientID;
    ana.provider.disconnect();
    await eventually(() => fixture.server.relayConnections() === 0, 'the room is empty');
    fixture.server.registry.unload(fixture.room.roomId);

    expect(await malWritesAs(anaId, 'Mal, first after the restart')).toMatchObject({ code: 4503 });
    ana.provider.connect();
    await ana.synced;
    await write(ana, 'After the restart');
    await eventually(() => serverTexts().length === 2, 'the server has both of Ana’s cards');
    expect(serverTexts()).toEqual(['Before the restart', 'After the restart']);
  });

  it('the server’s own client id (what it publishes) is nobody else’s', async () => {
    await fixture.board().synced;
    const room = serverRoom();
    new BoardDoc(room.board.ydoc).addCandidate({ text: 'Published by the server' }, ORIGIN.server);
    await eventually(() => serverTexts().length === 1, 'the server wrote');
    expect(await malWritesAs(room.board.ydoc.clientID, 'Mal, posing as the server')).toMatchObject({ code: 4503 });
    expect(serverTexts()).toEqual(['Published by the server']);
  });

  it('a stock client without a seat secret reconnects with the same document and keeps writing', async () => {
    const stock = fixture.board();
    await stock.synced;
    await write(stock, 'Before the reconnect');
    stock.provider.disconnect();
    await eventually(() => fixture.server.relayConnections() === 0, 'its connection is gone');
    stock.provider.connect();
    await stock.synced;
    await write(stock, 'After the reconnect');
    await eventually(() => serverTexts().length === 2, 'the server has both');
    expect(stock.provider.wsconnected).toBe(true);
  });
});
