import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { REQUEST_PROTOCOL } from '@okr/shared/protocol';
import { RoomRequestError, RoomRequests } from '../../client/src/sync/roomRequests.ts';
import { whenSynced } from './clients.ts';

export type Requester = { requests: RoomRequests; provider: WebsocketProvider; synced: Promise<void>; destroy: () => void };

export type RequesterOptions = { key?: string; seat?: string; viewerKey?: string };

/**
 * A stock y-websocket client on the room's control document that speaks the request channel with
 * the app's own RoomRequests, claiming a seat by `?seat=` as a third-party tool would.
 */
export function openRequester(wsUrl: string, roomId: string, options: RequesterOptions = {}): Requester {
  const [base, name] = options.viewerKey ? [`${wsUrl}/view`, options.viewerKey] : [`${wsUrl}/sync`, roomId];
  const params: Record<string, string> = { proto: REQUEST_PROTOCOL };
  if (options.key) params.key = options.key;
  if (options.seat) params.seat = options.seat;
  const provider = new WebsocketProvider(base, `${name}/control`, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const requests = new RoomRequests(provider);
  const synced = whenSynced(provider);
  // Awaited by the tests that need it; one that only sends requests need not.
  synced.catch(() => undefined);
  return {
    requests,
    provider,
    synced,
    destroy: () => {
      requests.destroy();
      provider.destroy();
      provider.doc.destroy();
    },
  };
}

/**
 * Sends a request until the server accepts it, while it refuses only because what it names (a
 * card, a key result) has not reached the server yet: a test's seed client and its voters race.
 */
export async function requestOnceThere<T>(requester: Requester, op: string, args: Record<string, unknown>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await requester.requests.request<T>(op, args);
    } catch (err) {
      const notThereYet = err instanceof RoomRequestError && /^unknown-/.test(err.code);
      if (!notThereYet || Date.now() - started > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The code the server refused a request with, or "accepted" when it did not refuse it. */
export async function refusalCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (err) {
    return err instanceof RoomRequestError ? err.code : `failed: ${String(err)}`;
  }
}
