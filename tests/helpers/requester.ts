import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { REQUEST_PROTOCOL } from '@okr/shared/protocol';
import { RoomRequests } from '../../client/src/sync/roomRequests.ts';
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
  return {
    requests,
    provider,
    synced: whenSynced(provider),
    destroy: () => {
      requests.destroy();
      provider.destroy();
      provider.doc.destroy();
    },
  };
}
