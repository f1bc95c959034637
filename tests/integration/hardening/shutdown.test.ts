import { afterEach, describe, expect, it } from 'vitest';
import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { createRoom, killHard, spawnServer, stopServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openBoardClient, sameState, type TestClient } from '../../helpers/clients.ts';
import { RawClient } from '../../helpers/rawSocket.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s flushes and compacts every room, closes sockets with 1001 "server going away", and clients come back', async (signal) => {
    const dataDir = tempDataDir();
    let server: ServerProcess = await spawnServer(dataDir, { ROOM_IDLE_MS: '60000' });
    cleanup.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);
    const a: TestClient = openBoardClient(server.wsUrl, room.roomId);
    const b: TestClient = openBoardClient(server.wsUrl, room.roomId);
    cleanup.push(a.destroy, b.destroy);
    await Promise.all([a.synced, b.synced]);
    const closes: { code: number; reason: string }[] = [];
    a.provider.on('connection-close', (event) => event && closes.push({ code: event.code, reason: event.reason }));
    const raw = await RawClient.open(`${server.wsUrl}/sync/${room.roomId}`);
    cleanup.push(() => raw.terminate());

    for (let i = 0; i < 30; i++) a.board.addCandidate({ text: `before ${signal} ${i}` });
    await eventually(() => b.board.candidates.list().length === 30, 'B has the edits');

    expect(await stopServer(server, signal)).toBe(0);
    expect(await raw.closed).toEqual({ code: 1001, reason: 'server going away' });
    await eventually(() => closes.length > 0, 'the stock client saw the close');
    expect(closes[0]).toEqual({ code: 1001, reason: 'server going away' });

    // Flushed, and folded into one snapshot: nothing left in the log.
    const store = RoomStore.open(dataDir);
    const stored = store.loadDoc(room.roomId, 'board');
    store.close();
    expect(stored.logCount).toBe(0);
    expect(new BoardDoc(docFromUpdates(stored.updates)).candidates.list()).toHaveLength(30);

    // Edits made while the server is down reach everyone once it is back.
    a.board.addCandidate({ text: 'while the server was down' });
    server = await spawnServer(dataDir, {}, server.port);
    await eventually(() => a.provider.synced && b.provider.synced, 'both clients reconnected', 15_000);
    await eventually(() => b.board.candidates.list().length === 31, 'the offline edit arrives');
    expect(sameState(a.board.ydoc, b.board.ydoc)).toBe(true);
  });
});
