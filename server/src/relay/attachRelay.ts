import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { isFacilitatorKey, isOriginAllowed, roomIdForViewerKey } from '../access.ts';
import type { Config } from '../config.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import type { ConnectionInfo } from './connection.ts';
import type { RelayMetrics } from './metrics.ts';
import { RoomRegistry } from './roomRegistry.ts';
import { RateLimiter } from './rateLimiter.ts';

/** Who is asking for which document, from the path: `/sync/<roomId>[/control]` or `/view/<viewerKey>[/control]`. */
export function resolveTarget(url: URL, store: RoomStore): Omit<ConnectionInfo, 'address'> | { status: number; error: string } {
  const match = /^\/(sync|view)\/([^/]+)(\/control)?\/?$/.exec(url.pathname);
  if (!match) return { status: 404, error: 'not a sync path: use /sync/<roomId> or /view/<viewerKey>' };
  const [, kind, id, control] = match;
  const docName: DocName = control ? 'control' : 'board';
  if (!isWellFormedSecret(id)) return { status: 400, error: 'malformed room id or key' };
  if (kind === 'view') {
    const roomId = roomIdForViewerKey(store, id);
    return roomId ? { roomId, docName, role: 'viewer' } : { status: 404, error: 'unknown viewer link' };
  }
  if (!store.getRoom(id)) return { status: 404, error: 'no such room: create rooms with POST /api/rooms' };
  const key = url.searchParams.get('key');
  if (key === null) return { roomId: id, docName, role: 'participant' };
  if (!isFacilitatorKey(store, id, key)) return { status: 403, error: 'wrong facilitator key' };
  return { roomId: id, docName, role: 'facilitator' };
}

/** Answers a refused upgrade on its raw socket; the HTTP side decides the response's shape. */
export type RefuseUpgrade = (socket: Duplex, status: number, message: string) => void;

export type Relay = { registry: RoomRegistry; close: () => Promise<void>; connectionCount: () => number };

/** How long a shutdown waits for clients to answer "going away" before dropping their sockets. */
const SHUTDOWN_GRACE_MS = 1_000;

/**
 * The transport, as hocuspocus's Server.ts is: accepts y-websocket upgrades on the HTTP server
 * (origin, rate and link checks), hands each socket to the registry, pings, and shuts down.
 */
export function attachRelay(server: Server, store: RoomStore, config: Config, metrics: RelayMetrics, log: Logger, refuseUpgrade: RefuseUpgrade): Relay {
  const registry = new RoomRegistry(store, config, metrics, log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });
  const perIp = new RateLimiter(config.maxConnectionsPerIpPerMinute, 60_000);
  let closing = false;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, error: string) => {
      metrics.refused(status);
      log.debug({ status, error }, 'upgrade refused');
      refuseUpgrade(socket, status, error);
    };
    if (closing) return refuse(503, 'server is shutting down; reconnect in a moment');
    if (!isOriginAllowed(req.headers.origin, config.allowedOrigins)) return refuse(403, 'origin not allowed');
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!perIp.take(address)) return refuse(429, 'too many new connections from this address; wait a minute');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://relay');
    } catch {
      return refuse(400, 'malformed URL');
    }
    let target: ReturnType<typeof resolveTarget>;
    try {
      target = resolveTarget(url, store);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'store lookup failed');
      return refuse(503, 'store unavailable');
    }
    if ('error' in target) return refuse(target.status, target.error);
    const resolved = { ...target, address };
    wss.handleUpgrade(req, socket, head, (ws) => registry.connect(ws, resolved));
  });

  const sweep = setInterval(() => registry.pingAll(), config.pingIntervalMs);
  sweep.unref();

  return {
    registry,
    connectionCount: () => registry.connectionCount(),
    close: async () => {
      closing = true;
      clearInterval(sweep);
      // Every client hears "going away" (and reconnects later); every room is flushed and compacted.
      await Promise.race([registry.closeAll(), new Promise((r) => setTimeout(r, SHUTDOWN_GRACE_MS).unref())]);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
