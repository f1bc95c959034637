import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { RoomTarget } from './lightClient.ts';
import type { Dialect } from './wire.ts';

/**
 * A complete Yjs client through each server's own provider: y-websocket's `WebsocketProvider` for
 * ours, the reference server and the bare relay, `HocuspocusProvider` for Hocuspocus. Used to check
 * convergence, to seed rooms and to time a cold load: the work a real browser tab does.
 */
export type FullClient = {
  doc: Y.Doc;
  /** Resolves when the server's full state has arrived (for the bare relay: when connected). */
  ready: Promise<void>;
  destroy: () => void;
};

/**
 * ws emits 'error' when a socket still connecting is closed, which the providers' destroy does to an
 * observer that had not connected yet (seen on a machine at load average 20): with no listener that
 * killed the whole load generator. The providers' own handlers still see every error.
 */
class ObserverWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

export function openFullClient(dialect: Dialect, target: RoomTarget, timeoutMs = 20_000): FullClient {
  const doc = new Y.Doc();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`full client did not sync within ${timeoutMs} ms`)), timeoutMs);
  });
  if (dialect === 'hocuspocus') {
    let onSynced: () => void = () => {};
    const synced = new Promise<void>((resolve) => (onSynced = resolve));
    const socket = new HocuspocusProviderWebsocket({ url: target.url, WebSocketPolyfill: ObserverWebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: target.docName, document: doc, onSynced: () => onSynced() });
    provider.attach();
    return {
      doc,
      ready: Promise.race([synced, timeout]).finally(() => clearTimeout(timer)),
      destroy: () => {
        clearTimeout(timer);
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(target.providerBase, target.roomName, doc, {
    WebSocketPolyfill: ObserverWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  const synced = new Promise<void>((resolve) => {
    if (dialect === 'bare') {
      // The relay has no state to sync: connected is as ready as it gets.
      provider.on('status', ({ status }: { status: string }) => status === 'connected' && resolve());
    } else {
      provider.once('sync', () => resolve());
    }
  });
  return {
    doc,
    ready: Promise.race([synced, timeout]).finally(() => clearTimeout(timer)),
    destroy: () => {
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds, re-checking after each document update and on a timer. */
export function until(doc: Y.Doc, check: () => boolean, timeoutMs: number): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      doc.off('update', onUpdate);
      clearInterval(poll);
      clearTimeout(timer);
      resolve(ok);
    };
    const onUpdate = () => check() && done(true);
    doc.on('update', onUpdate);
    const poll = setInterval(() => check() && done(true), 50);
    const timer = setTimeout(() => done(check()), timeoutMs);
  });
}
