import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createRequestHandler } from './http/app.ts';
import { attachRelay } from './relay/attachRelay.ts';
import { RelayMetrics } from './relay/metrics.ts';
import { RoomStore } from './store/roomStore.ts';
import { createLogger } from './logger.ts';

export type RunningServer = {
  port: number;
  /** Base URL for links: PUBLIC_URL, or this machine's address. */
  baseUrl: string;
  store: RoomStore;
  /** Flushes every room, closes sockets with "going away", closes the store. */
  close: () => Promise<void>;
  relayConnections: () => number;
};

/** Opens the store, then starts HTTP and the relay on one port. */
export async function startServer(config: Config, log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const store = RoomStore.open(config.dataDir);
  const metrics = new RelayMetrics();
  let ready = false;
  const server = http.createServer();
  const relay = attachRelay(server, store, config, metrics, log);
  const handler = createRequestHandler({
    store,
    registry: relay.registry,
    maxBodyBytes: config.maxHttpBodyBytes,
    baseUrl: (req) => config.publicUrl ?? `http://${req.headers.host ?? `localhost:${port}`}`,
    config,
    metrics,
    log,
    isReady: () => ready,
  });
  server.on('request', handler);
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ready = true;
  const baseUrl = config.publicUrl ?? `http://${displayHost(config.host)}:${port}`;

  let closing: Promise<void> | null = null;
  return {
    port,
    baseUrl,
    store,
    relayConnections: relay.connectionCount,
    close: () => {
      closing ??= (async () => {
        ready = false;
        relay.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        store.close();
      })();
      return closing;
    },
  };
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
