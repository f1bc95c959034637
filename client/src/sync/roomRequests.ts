import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_REQUEST, roomMessageSchema, type RequestFailure } from '@okr/shared/protocol';

/** Codes that asking the same again will not change: the server failed (`internal`) or never answered (`no-answer`). */
const NOT_WORTH_REPEATING = new Set(['internal', 'no-answer']);

/** The server refused a request: `code` says why (e.g. `forbidden`, `invalid-args`, `cap-reached`, `internal`). */
export class RoomRequestError extends Error {
  override name = 'RoomRequestError';
  readonly code: string;
  constructor(failure: RequestFailure) {
    super(failure.message);
    this.code = failure.code;
  }

  /** False when the same request, sent again automatically, would only fail again: wait for the person or a change. */
  get worthRepeating(): boolean {
    return !NOT_WORTH_REPEATING.has(this.code);
  }
}

/** How many connections a request may be sent on before it is given up when that one drops too. */
export const MAX_REQUEST_SENDS = 3;

type Waiting = { op: string; frame: Uint8Array; sends: number; resolve: (result: unknown) => void; reject: (err: Error) => void };

/**
 * The client end of the room request channel (shared/src/protocol) over one y-websocket provider:
 * `request(op, args)` resolves with the server's answer. A request made offline, or whose answer
 * was lost with the connection, is sent (again) on reconnect, so ops are written to be repeatable
 * ("set my ballot to …", not "add a dot"); but never for ever: once MAX_REQUEST_SENDS connections
 * it was sent on have dropped before answering, it fails with code `no-answer` (a request that
 * closes its connection each time would otherwise reconnect in a loop). An answered request,
 * refused or not, is never sent again. `on(event)` hears what the server pushes.
 */
export class RoomRequests {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private readonly lastEvent = new Map<string, unknown>();

  constructor(private readonly provider: WebsocketProvider) {
    provider.messageHandlers[MESSAGE_REQUEST] = (_encoder, decoder) => this.receive(decoding.readVarString(decoder));
    provider.on('status', this.onStatus);
  }

  request<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_REQUEST);
    encoding.writeVarString(encoder, JSON.stringify({ id, op, args }));
    const frame = encoding.toUint8Array(encoder);
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = { op, frame, sends: 0, resolve: resolve as (result: unknown) => void, reject };
      this.waiting.set(id, waiting);
      this.send(waiting);
    });
  }

  /** Calls `listener` with each `event` the server pushes, starting with the last one heard. */
  on(event: string, listener: (data: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    if (this.lastEvent.has(event)) listener(this.lastEvent.get(event));
    return () => set.delete(listener);
  }

  /** The last `event` the server pushed, if any. */
  last(event: string): unknown {
    return this.lastEvent.get(event);
  }

  destroy(): void {
    this.provider.off('status', this.onStatus);
    for (const waiting of this.waiting.values()) waiting.reject(new Error('room closed'));
    this.waiting.clear();
  }

  private send(waiting: Waiting): void {
    if (!this.provider.wsconnected || !this.provider.ws) return;
    this.provider.ws.send(waiting.frame);
    waiting.sends++;
  }

  private readonly onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') {
      for (const waiting of this.waiting.values()) this.send(waiting);
      return;
    }
    // The connection went: what was sent on it and not answered is lost; past the limit, say so.
    for (const [id, waiting] of this.waiting) {
      if (waiting.sends < MAX_REQUEST_SENDS) continue;
      this.waiting.delete(id);
      waiting.reject(
        new RoomRequestError({
          code: 'no-answer',
          message: `The server did not answer "${waiting.op}": the connection dropped ${waiting.sends} times while it waited. It was not sent again; reload the page to try once more.`,
        }),
      );
    }
  };

  private receive(json: string): void {
    let parsed;
    try {
      parsed = roomMessageSchema.safeParse(JSON.parse(json));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if ('event' in message) {
      this.lastEvent.set(message.event, message.data);
      for (const listener of this.listeners.get(message.event) ?? []) listener(message.data);
      return;
    }
    if (typeof message.id !== 'number') return;
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new RoomRequestError(message.error));
  }
}
