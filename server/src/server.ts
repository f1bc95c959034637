import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createRequestHandler } from './http/app.ts';
import { handleApi } from './http/api.ts';
import { HttpMetrics } from './http/httpMetrics.ts';
import { refuseUpgrade } from './http/refuseUpgrade.ts';
import { RoomCreationGate } from './http/roomCreationGate.ts';
import { HttpError, writeRawError } from './http/json.ts';
import { attachRelay } from './relay/attachRelay.ts';
import { RelayMetrics } from './relay/metrics.ts';
import { RoomStore, type RoomRecord } from './store/roomStore.ts';
import { pruneRooms, pruneSharedRooms } from './rooms/retention.ts';
import type { RoomRegistry } from './relay/roomRegistry.ts';
import { createLogger } from './logger.ts';
import { ControlDoc } from '@okr/shared/doc';
import { publishJoinUrl, publishJoinUrlShared } from './rooms/publishJoinUrl.ts';
import { rowUpdates } from './store/postgres/pgDocLog.ts';
import { createMetricsRegistry } from './metrics.ts';
import { handleSharedApi } from './http/sharedApi.ts';
import { startSharedMode, type SharedMode } from './sharedMode.ts';
import type { Relay } from './relay/attachRelay.ts';

export type RunningServer = {
  port: number;
  /** Base URL for links: PUBLIC_URL, or this machine's address. */
  baseUrl: string;
  /** The SQLite store in DATA_DIR; none in shared mode, which keeps nothing on local disk. */
  store: RoomStore | undefined;
  /** Flushes every room, closes sockets with "going away", closes the store. */
  close: () => Promise<void>;
  relayConnections: () => number;
  /** The loaded rooms, for diagnostics and tests. */
  registry: RoomRegistry;
};

/** Opens the store (SQLite in DATA_DIR, or in shared mode PostgreSQL and Redis), then starts HTTP and the relay on one port. */
export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const metricsRegistry = createMetricsRegistry();
  let ready = false;
  const server = http.createServer();
  // The registry exists only once the relay is attached, which needs shared mode first.
  const late: { registry?: RoomRegistry } = {};
  // In shared mode rooms, their documents, links and History live in PostgreSQL: no SQLite file is opened or made.
  const storage: RoomStore | SharedMode =
    config.storage.kind === 'shared'
      ? await startSharedMode(config.storage, config.compactAfterUpdates, log, {
          dropRooms: (ids) => late.registry?.dropRooms(ids),
          revalidate: (roomId) => void late.registry?.revalidate(roomId),
        }, {
          connectionsPerMinute: config.maxConnectionsPerIpPerMinute,
          refusedUpdatesPerMinute: config.maxRefusedUpdatesPerIpPerMinute,
          roomsPerHour: config.maxRoomsCreatedPerIpPerHour,
        }, config.presenceBusBytesPerSecond)
      : RoomStore.open(config.dataDir);
  const shared = 'docs' in storage ? storage : undefined;
  const relay = attachRelay(server, storage, config, new RelayMetrics(metricsRegistry), log, refuseUpgrade);
  late.registry = relay.registry;
  const baseUrlOf = (req: http.IncomingMessage) => config.publicUrl ?? `http://${req.headers.host ?? `localhost:${port}`}`;
  const creationGate = new RoomCreationGate(config.createRoomToken, config.maxRoomsCreatedPerIpPerHour, shared?.limits.roomCreation);
  const api = { log, maxBodyBytes: config.maxHttpBodyBytes, creationGate, baseUrl: baseUrlOf };
  const handler = createRequestHandler({
    config,
    metrics: new HttpMetrics(metricsRegistry),
    log,
    isReady: () => ready,
    readiness: shared?.readiness,
    api: 'docs' in storage ? sharedRoomsApi(storage, relay, api) : localRoomsApi(storage, relay, api),
  });
  server.on('request', handler);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => answerClientError(err, socket));
  // A client that trickles its headers or body must not hold a socket for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ready = true;
  // Shared mode: every instance sweeps; each room goes in its own transaction, skipped if any instance holds it loaded.
  const stopRetention = startRetention(
    (days) => ('docs' in storage ? pruneSharedRooms(storage.retention, days) : pruneRooms(storage, days, { inUse: (roomId) => relay.registry.get(roomId) !== undefined })),
    config.roomRetentionDays,
    log,
  );
  const baseUrl = config.publicUrl ?? `http://${displayHost(config.host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    port,
    baseUrl,
    store: 'docs' in storage ? undefined : storage,
    relayConnections: relay.connectionCount,
    registry: relay.registry,
    close: () => {
      closing ??= (async () => {
        ready = false;
        stopRetention();
        await relay.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await storage.close();
      })();
      return closing;
    },
  };
}

/** What both rooms APIs take from the server. */
type ApiBase = { log: Logger; maxBodyBytes: number; creationGate: RoomCreationGate; baseUrl: (req: http.IncomingMessage) => string };
type RoomsApi = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;

/** The rooms API on this server's SQLite store (http/api.ts). */
function localRoomsApi(store: RoomStore, relay: Relay, base: ApiBase): RoomsApi {
  const ctx = {
    ...base,
    store,
    flushRoom: (roomId: string) => relay.registry.flush(roomId),
    tickets: relay.tickets,
    keysRotated: (roomId: string, participantUrl?: string) => {
      const loaded = relay.registry.get(roomId);
      if (participantUrl) publishJoinUrl(store, roomId, participantUrl, loaded && new ControlDoc(loaded.control.ydoc));
      relay.registry.revalidate(roomId);
    },
  };
  return (req, res, url) => handleApi(req, res, url, ctx);
}

/** The rooms API on PostgreSQL (http/sharedApi.ts): the same answers from any instance. */
function sharedRoomsApi(shared: SharedMode, relay: Relay, base: ApiBase): RoomsApi {
  const ctx = {
    ...base,
    catalog: shared.catalog,
    docLog: shared.docLog,
    versions: shared.versions,
    tickets: shared.tickets,
    keysRotated: async (roomId: string, participantUrl?: string) => {
      await shared.links.rotated(roomId);
      if (!participantUrl) return;
      const loaded = relay.registry.get(roomId);
      await publishJoinUrlShared(
        async () => rowUpdates(await shared.docLog.readAfter(roomId, 'control', 0)),
        (update) => shared.docs.appendUnloaded(roomId, 'control', update),
        participantUrl,
        loaded && new ControlDoc(loaded.control.ydoc),
      );
    },
  };
  return (req, res, url) => handleSharedApi(req, res, url, ctx);
}

/** How often the server looks for rooms past ROOM_RETENTION_DAYS (and once at start). */
const RETENTION_SWEEP_MS = 60 * 60 * 1000;

/** Deletes rooms untouched for ROOM_RETENTION_DAYS, at start and hourly; returns how to stop. Off when unset. */
function startRetention(prune: (days: number) => RoomRecord[] | Promise<RoomRecord[]>, days: number | undefined, log: Logger): () => void {
  if (days === undefined) return () => {};
  const sweep = async () => {
    try {
      const removed = await prune(days);
      if (removed.length > 0) log.info({ rooms: removed.length, days }, 'rooms past ROOM_RETENTION_DAYS deleted');
    } catch (err) {
      log.error({ err: (err as Error).message }, 'room retention sweep failed');
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), RETENTION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A request Node could not parse (a NUL or space in the path, oversized headers) gets a JSON error
 * like every other, with the security headers, instead of a silently dropped socket.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const message = 'The server could not read that request.';
  writeRawError(socket, err.code === 'HPE_HEADER_OVERFLOW' ? new HttpError(431, 'headers_too_large', message) : new HttpError(400, 'bad_request', message));
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? (lanAddress() ?? 'localhost') : host;
}

/** The first non-internal IPv4 address: what phones on the same network open. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return undefined;
}
