import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';

export type TestClient = {
  board: BoardDoc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy: () => void;
};

/** `seat`: a seat secret, as a stock client claims its seat (`?seat=`); `clientId`: the Yjs client id its document writes under. */
export type ClientOptions = { key?: string; control?: boolean; viewerKey?: string; seat?: string; clientId?: number };

/** A stock y-websocket client in Node, as a third-party tool would connect. */
export function openProvider(wsUrl: string, roomId: string, doc: Y.Doc, options: ClientOptions = {}): WebsocketProvider {
  const [base, name] = options.viewerKey ? [`${wsUrl}/view`, options.viewerKey] : [`${wsUrl}/sync`, roomId];
  return new WebsocketProvider(base, options.control ? `${name}/control` : name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { ...(options.key ? { key: options.key } : {}), ...(options.seat ? { seat: options.seat } : {}) },
    disableBc: true,
    maxBackoffTime: 500,
  });
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function openBoardClient(wsUrl: string, roomId: string, options: Omit<ClientOptions, 'control'> = {}): TestClient {
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  const board = new BoardDoc(doc);
  const provider = openProvider(wsUrl, roomId, board.ydoc, options);
  return { board, provider, synced: whenSynced(provider), destroy: () => destroyProvider(provider) };
}

export type ControlClient = { control: ControlDoc; provider: WebsocketProvider; synced: Promise<void>; destroy: () => void };

export function openControlClient(wsUrl: string, roomId: string, options: Omit<ClientOptions, 'control'> = {}): ControlClient {
  const control = new ControlDoc(new Y.Doc());
  const provider = openProvider(wsUrl, roomId, control.ydoc, { ...options, control: true });
  return { control, provider, synced: whenSynced(provider), destroy: () => destroyProvider(provider) };
}

function destroyProvider(provider: WebsocketProvider): void {
  provider.destroy();
  provider.doc.destroy();
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Same Yjs state and the same content (map key order aside). */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) && canonical(a.toJSON()) === canonical(b.toJSON());
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

/**
 * Resolves once the relay has handled every message this client sent so far: the server answers
 * a ping only after the frames before it, or closes the connection because of one of them. A
 * socket already closing or gone (one of its frames got it closed) resolves once it is closed.
 */
export function relayHandled(provider: WebsocketProvider): Promise<void> {
  // The provider's socket is a `ws` WebSocket (the WebSocketPolyfill above), which can ping.
  const ws = provider.ws as unknown as WebSocket | null;
  if (!ws || ws.readyState === WebSocket.CLOSED || ws.readyState === WebSocket.CONNECTING) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      ws.off('pong', done);
      ws.off('close', done);
      resolve();
    };
    ws.once('close', done);
    if (ws.readyState === WebSocket.OPEN) {
      ws.once('pong', done);
      ws.ping();
    }
  });
}
