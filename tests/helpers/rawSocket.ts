import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** What a refused or accepted upgrade answered: 101, or the HTTP status, headers and body. */
export type UpgradeAnswer = { status: number; headers: IncomingMessage['headers']; body: string };

/**
 * Tries a websocket upgrade and reports the answer; an accepted socket is closed at once.
 * For limits and refusals, where the stock provider would only retry.
 */
export function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<UpgradeAnswer> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.on('open', () => {
      ws.terminate();
      resolve({ status: 101, headers: {}, body: '' });
    });
    ws.on('error', () => undefined);
  });
}

export type Closed = { code: number; reason: string };

/** A raw websocket (no y-websocket provider): for hostile, slow or dead clients. */
export class RawClient {
  readonly closed: Promise<Closed>;
  readonly received: Uint8Array[] = [];
  private constructor(
    readonly ws: WebSocket,
    keepMessages: boolean,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    if (keepMessages) ws.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)));
    ws.on('error', () => undefined);
  }

  /** Opens and waits for the upgrade; rejects with the HTTP status when refused. `keepMessages: false` reads and drops what arrives. */
  static open(url: string, options: WebSocket.ClientOptions & { keepMessages?: boolean } = {}): Promise<RawClient> {
    const { keepMessages = true, ...wsOptions } = options;
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false, ...wsOptions });
      const client = new RawClient(ws, keepMessages);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
      ws.once('error', (err) => reject(err));
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array | string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** Sends several frames in one write, so the server reads them in one event-loop turn. */
  sendBurst(frames: readonly Uint8Array[]): void {
    const socket = (this.ws as unknown as { _socket: Socket })._socket;
    socket.cork();
    for (const frame of frames) this.ws.send(frame);
    socket.uncork();
  }

  /**
   * A ping the server answers only after handling every frame sent before it: resolves 'alive'
   * on the pong, or with the close when one of those frames closed the connection.
   */
  roundTrip(): Promise<'alive' | Closed> {
    if (this.ws.readyState !== WebSocket.OPEN) return this.closed;
    return new Promise((resolve) => {
      const onPong = () => resolve('alive');
      this.ws.once('pong', onPong);
      void this.closed.then((closed) => {
        this.ws.off('pong', onPong);
        resolve(closed);
      });
      this.ws.ping();
    });
  }

  /** Resolves with the close, or null if the socket is still open after `ms`. */
  closedWithin(ms: number): Promise<Closed | null> {
    return Promise.race([this.closed, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** A y-websocket "sync update" message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket "sync step 1" message for `doc`. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** An awareness message with raw entries: `state` is sent as given, so it need not be JSON. */
export function awarenessMessage(entries: readonly { clientId: number; clock: number; state: string }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.state);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

/** The update a Y.Doc edit produces, for sending by hand. */
export function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => updates.push(update);
  doc.on('update', onUpdate);
  doc.transact(edit);
  doc.off('update', onUpdate);
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}
