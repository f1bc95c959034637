import type { WebsocketProvider } from 'y-websocket';

/**
 * Closes the providers' sockets when the browser reports it went offline and reconnects when it is
 * back. A socket left open through a network loss can sit half-open until the ping timeout, so
 * edits would seem sent while they wait; closed, they wait visibly and sync on reconnect.
 * `onChange` runs after each switch; `connect` reconnects one provider (by default its own
 * `connect`). Returns the cleanup.
 */
export function followBrowserOnline(
  providers: readonly WebsocketProvider[],
  onChange: () => void,
  connect: (provider: WebsocketProvider) => void = (provider) => provider.connect(),
): () => void {
  const goOffline = () => {
    for (const provider of providers) provider.disconnect();
    onChange();
  };
  const goOnline = () => {
    for (const provider of providers) connect(provider);
    onChange();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);
  return () => {
    window.removeEventListener('offline', goOffline);
    window.removeEventListener('online', goOnline);
  };
}
