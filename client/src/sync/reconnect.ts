import type { WebsocketProvider } from 'y-websocket';

const BASE_MS = 250;
const MAX_MS = 10_000;

/** Exponential backoff with full jitter: a server restart does not bring every client back in the same instant. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Replaces y-websocket's un-jittered reconnect: when a connection drops we stop the provider's own
 * retry and reconnect after a jittered delay (through `connect`, which may first fetch a ticket).
 * Returns the cleanup.
 */
export function installJitteredReconnect(provider: WebsocketProvider, connect: () => void = () => provider.connect()): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const onClose = (event: CloseEvent | null) => {
    // 4400-4499: the server refused for good (y-websocket's convention); retrying cannot help.
    if (stopped || !provider.shouldConnect || (event && event.code >= 4400 && event.code < 4500)) return;
    provider.disconnect();
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) connect();
    }, reconnectDelay(attempt++));
  };
  const onSync = (synced: boolean) => {
    if (synced) attempt = 0;
  };
  provider.on('connection-close', onClose);
  provider.on('sync', onSync);
  return () => {
    stopped = true;
    clearTimeout(timer);
    provider.off('connection-close', onClose);
    provider.off('sync', onSync);
  };
}
