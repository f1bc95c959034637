import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { isOriginAllowed } from '../access.ts';
import { limitKey } from '../clientAddress.ts';
import type { Config } from '../config.ts';
import type { RoomStore } from '../store/roomStore.ts';
import type { RelayMetrics } from './metrics.ts';
import { RoomRegistry, type SharedRooms } from './roomRegistry.ts';
import { RateLimiter, type AddressLimiter } from './rateLimiter.ts';
import { connectionParamsProblem, resolveTarget, withConnectionParams, type Refusal, type Target } from './resolveTarget.ts';
import { TicketBook } from './tickets.ts';
import { watchKeyChanges } from './watchKeyChanges.ts';

/** Answers a refused upgrade on its raw socket; the HTTP side decides the response's shape. */
export type RefuseUpgrade = (socket: Duplex, status: number, message: string) => void;

/** Shared mode: documents through PostgreSQL and Redis, links checked against PostgreSQL. */
export type SharedRelay = SharedRooms & {
  admit: (url: URL) => Promise<Target | Refusal>;
  /** The per-address limits, counted across instances through Redis. */
  limits: { connections: AddressLimiter; refusedUpdates: AddressLimiter };
};

export type Relay = { registry: RoomRegistry; tickets: TicketBook; close: () => Promise<void>; connectionCount: () => number };

/** How long a shutdown waits for clients to answer "going away" before dropping their sockets. */
const SHUTDOWN_GRACE_MS = 1_000;

/**
 * The transport, as hocuspocus's Server.ts is: accepts y-websocket upgrades on the HTTP server
 * (origin, rate and link checks), hands each socket to the registry, pings, and shuts down.
 */
export function attachRelay(server: Server, storage: RoomStore | SharedRelay, config: Config, metrics: RelayMetrics, log: Logger, refuseUpgrade: RefuseUpgrade): Relay {
  // Shared mode keeps nothing in a local store: its rooms, links and History are in PostgreSQL.
  const shared = 'docs' in storage ? storage : undefined;
  const registry = new RoomRegistry(storage, config, metrics, log);
  const tickets = new TicketBook();
  // Shared mode watches PostgreSQL for rotations instead (shared/sharedLinkWatch.ts).
  const stopWatching = 'docs' in storage ? () => {} : watchKeyChanges(storage, registry, log);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes, perMessageDeflate: false, autoPong: false });
  const perIp = new RateLimiter(config.maxConnectionsPerIpPerMinute, 60_000);
  // A rolled-back update rebuilds its room's document (docs/board-document.md): bounded per address.
  const rollbacks = new RateLimiter(config.maxRefusedUpdatesPerIpPerMinute, 60_000);
  registry.onRollback = (address) => void (shared?.limits.refusedUpdates ?? rollbacks).take(address);
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
    const address = limitKey(req.socket.remoteAddress);
    if (!shared && !perIp.take(address)) return refuse(429, TOO_MANY_CONNECTIONS);
    if (!shared && rollbacks.exhausted(address)) return refuse(429, TOO_MANY_REFUSED);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://relay');
    } catch {
      return refuse(400, 'malformed URL');
    }
    const paramsProblem = connectionParamsProblem(url);
    if (paramsProblem) return refuse(paramsProblem.status, paramsProblem.error);
    const admitted = (target: Target | Refusal) => {
      if ('error' in target) return refuse(target.status, target.error);
      const resolved = { ...target, address };
      wss.handleUpgrade(req, socket, head, (ws) => registry.connect(ws, resolved, socket));
    };
    const failed = (err: unknown) => {
      log.error({ err: (err as Error).message }, 'store lookup failed');
      refuse(503, 'store unavailable');
    };
    if ('docs' in storage) {
      // Counted across instances (Redis), so asynchronous: the limits first, then the link.
      return void sharedLimited(address, storage.limits)
        .then(async (refusal) => (refusal ? { status: 429, error: refusal } : withConnectionParams(url, await storage.admit(url))))
        .then(admitted, failed);
    }
    let target: ReturnType<typeof resolveTarget>;
    try {
      target = resolveTarget(url, storage, tickets);
    } catch (err) {
      return failed(err);
    }
    admitted(target);
  });

  const sweep = setInterval(() => registry.pingAll(), config.pingIntervalMs);
  sweep.unref();

  return {
    registry,
    tickets,
    connectionCount: () => registry.connectionCount(),
    close: async () => {
      closing = true;
      clearInterval(sweep);
      stopWatching();
      // Every client hears "going away" (and reconnects later); every room is flushed and compacted.
      await Promise.race([registry.closeAll(), new Promise((r) => setTimeout(r, SHUTDOWN_GRACE_MS).unref())]);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

const TOO_MANY_CONNECTIONS = 'too many new connections from this address; wait a minute';
const TOO_MANY_REFUSED = 'too many refused updates from this address; wait a minute';

/** Shared mode's per-address checks of an upgrade, counted across instances: the refusal's message, or undefined. */
async function sharedLimited(address: string, limits: SharedRelay['limits']): Promise<string | undefined> {
  if (!(await limits.connections.take(address))) return TOO_MANY_CONNECTIONS;
  if (await limits.refusedUpdates.exhausted(address)) return TOO_MANY_REFUSED;
  return undefined;
}
