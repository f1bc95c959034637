import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config.ts';
import { isWellFormedSecret } from '../store/keys.ts';
import type { DocName, RoomStore } from '../store/roomStore.ts';
import { Connection, type Role } from './connection.ts';
import { RoomRegistry, TooManyRoomsError } from './roomRegistry.ts';
import { CLOSE } from './protocol.ts';
import type { RelayMetrics } from './metrics.ts';
import { RateLimiter } from './rateLimiter.ts';
import { isOriginAllowed } from '../http/origins.ts';

type Target = { roomId: string; docName: DocName; role: Role };

/** Who is asking for which document, from the path: `/sync/<roomId>[/control]` or `/view/<viewerKey>[/control]`. */
export function resolveTarget(url: URL, store: RoomStore): Target | { status: number; error: string } {
  const match = /^\/(sync|view)\/([^/]+)(\/control)?\/?$/.exec(url.pathname);
  if (!match) return { status: 404, error: 'not a sync path: use /sync/<roomId> or /view/<viewerKey>' };
  const [, kind, id, control] = match;
  const docName: DocName = control ? 'control' : 'board';
  if (!isWellFormedSecret(id)) return { status: 400, error: 'malformed room id or key' };
  if (kind === 'view') {
    const roomId = store.roomIdForViewerKey(id);
    return roomId ? { roomId, docName, role: 'viewer' } : { status: 404, error: 'unknown viewer link' };
  }
  if (!store.getRoom(id)) return { status: 404, error: 'no such room: create rooms with POST /api/rooms' };
  const key = url.searchParams.get('key');
  if (key === null) return { roomId: id, docName, role: 'participant' };
  if (!isWellFormedSecret(key) || !store.isFacilitatorKey(id, key)) return { status: 403, error: 'wrong facilitator key' };
  return { roomId: id, docName, role: 'facilitator' };
}

export type Relay = { registry: RoomRegistry; close: () => void; connectionCount: () => number };

/** Accepts y-websocket connections on the HTTP server and binds each to its room. */
export function attachRelay(server: Server, store: RoomStore, config: Config, metrics: RelayMetrics, log: Logger): Relay {
  const registry = new RoomRegistry(store, config, metrics, log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false });
  const perIp = new RateLimiter(config.maxConnectionsPerIpPerMinute, 60_000);
  const connections = new Set<Connection>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, error: string) => refuseUpgrade(socket, status, error);
    if (!isOriginAllowed(req.headers.origin, config.allowedOrigins)) return refuse(403, 'origin not allowed');
    if (!perIp.take(req.socket.remoteAddress ?? 'unknown')) return refuse(429, 'too many new connections from this address; wait a minute');
    const url = new URL(req.url ?? '/', 'http://relay');
    let target: ReturnType<typeof resolveTarget>;
    try {
      target = resolveTarget(url, store);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'store lookup failed');
      return refuse(503, 'store unavailable');
    }
    if ('error' in target) return refuse(target.status, target.error);
    const resolved = target;
    wss.handleUpgrade(req, socket, head, (ws) => bind(ws, resolved));
  });

  function bind(ws: WebSocket, target: Target): void {
    let room;
    try {
      room = registry.acquire(target.roomId);
    } catch (err) {
      const spec = CLOSE.serverBusy;
      log[err instanceof TooManyRoomsError ? 'warn' : 'error']({ err: (err as Error).message }, 'room could not be loaded');
      ws.close(spec.code, spec.reason);
      return;
    }
    if (room.connectionCount() >= config.maxConnectionsPerRoom) {
      ws.close(CLOSE.roomFull.code, CLOSE.roomFull.reason);
      registry.release(room);
      return;
    }
    const connection = new Connection(ws, room, target.docName, target.role, log, metrics, config.maxBufferedBytes, (gone) => {
      connections.delete(gone);
      metrics.connections.set(connections.size);
      registry.release(gone.room);
    });
    connections.add(connection);
    metrics.connections.set(connections.size);
  }

  const sweep = setInterval(() => {
    for (const connection of [...connections]) connection.ping();
  }, config.pingIntervalMs);
  sweep.unref();

  return {
    registry,
    connectionCount: () => connections.size,
    close: () => {
      clearInterval(sweep);
      registry.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuseUpgrade(socket: Duplex, status: number, error: string): void {
  const body = JSON.stringify({ error: status === 404 ? 'not_found' : 'refused', message: error });
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Refused'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
