import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { loadConfig } from '../config.ts';
import { RoomStore, type StoredDocName } from '../store/roomStore.ts';
import { RelayMetrics } from './metrics.ts';
import { CLOSE } from './protocol.ts';
import type { PreloadedDoc } from './relayDoc.ts';
import { RoomRegistry, type RegistryLimits, type SharedRooms } from './roomRegistry.ts';
import { TurnFlusher } from './turnFlusher.ts';

/*
 * The registry in shared mode with a room whose read from PostgreSQL we hold open: a rotation
 * that revalidates the room while a connection waits for that read must still reach the
 * connection (the links test across instances met this race under load).
 */

/** The server's defaults, as `npx pnpm@10 start` runs them. */
const limits: RegistryLimits = loadConfig({});

/** Shared documents whose `open` waits for the test; scheduling as the SQLite flusher does. */
function heldShared(store: RoomStore): { shared: SharedRooms; finishRead: () => void } {
  let finishRead = () => {};
  const read = new Promise<void>((resolve) => (finishRead = resolve));
  const empty: Record<StoredDocName, PreloadedDoc> = { board: nothingStored(), control: nothingStored(), private: nothingStored() };
  const docs = Object.assign(new TurnFlusher(store), {
    open: async () => (await read, empty),
    attach: () => {},
    close: () => {},
  });
  const presence = { attach: () => {}, detach: () => {} };
  return { shared: { docs, presence, history: store.versions } as unknown as SharedRooms, finishRead };
}

const nothingStored = (): PreloadedDoc => ({ preloaded: { updates: [], lastSeq: 0, logCount: 0 } });

describe('RoomRegistry in shared mode', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  /** A registry behind a real websocket server; every connection is to room-1 with `stillValid`. */
  async function serve(stillValid: () => boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const store = RoomStore.open(dir);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
    const { shared, finishRead } = heldShared(store);
    const registry = new RoomRegistry(shared, limits, new RelayMetrics(), pino({ level: 'silent' }));
    const wss = new WebSocketServer({ noServer: true });
    const server: Server = createServer();
    server.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) => registry.connect(ws, { roomId: 'room-1', docName: 'board', role: 'participant', stillValid, address: '127.0.0.1' }, socket)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => server.close(), () => wss.close());
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    cleanups.push(() => client.terminate());
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve) => client.once('open', resolve));
    return { registry, client, closed, finishRead };
  }

  it('closes with 4410 a connection whose link was rotated while its room was being read', async () => {
    let linkOpens = true;
    const { registry, closed, finishRead } = await serve(() => linkOpens);
    linkOpens = false;
    expect(registry.revalidate('room-1')).toBe(0); // not in the room yet: nothing to close
    finishRead();
    expect(await closed).toEqual(CLOSE.revoked);
    expect(registry.connectionCount()).toBe(0);
  });

  it('binds a connection whose link still opens the room once the read finishes', async () => {
    const { registry, client, finishRead } = await serve(() => true);
    finishRead();
    await expect.poll(() => registry.connectionCount()).toBe(1);
    expect(client.readyState).toBe(WebSocket.OPEN);
  });
});
