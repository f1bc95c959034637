import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Role } from '../access.ts';
import type { DocName } from '../store/roomStore.ts';
import type { RelayMetrics } from './metrics.ts';
import { CLOSE, closeReason, type CloseName } from './protocol.ts';
import type { Peer } from './room.ts';
import type { SeatRef } from './seatBook.ts';
import type { TurnSink } from './turnFlusher.ts';
import { framesOf } from './wsFrame.ts';

/** A peer that never answers the close handshake must not hold the socket open. */
const CLOSE_HANDSHAKE_MS = 5_000;

/** Who the connection is, for its room and its log lines; `stillValid` repeats its link check after a rotation. */
export type ConnectionInfo = {
  roomId: string;
  docName: DocName;
  role: Role;
  stillValid: () => boolean;
  address: string;
  /** The seat secret from the ticket (the app) or `?seat=` (stock clients); never logged. */
  seatSecret?: string | undefined;
  /** Announced `?proto=` REQUEST_PROTOCOL: it may be sent request-channel events. */
  speaksRequests?: boolean;
};

/**
 * The socket under the websocket (`net.Socket` is one): a turn's batch is corked on it, and its
 * messages are written to it as complete frames, framed once per message (wsFrame.ts).
 */
export type Corkable = { cork(): void; uncork(): void; write(chunk: Uint8Array, callback: (err?: Error | null) => void): boolean };

/** Where a connection's queued messages are written: once per turn, after the turn's durable append. */
export type TurnEnd = { flushAtTurnEnd(sink: TurnSink): void };

/** What the connection reports: each binary frame, and its end (once, with the cause). */
export type ConnectionEvents = {
  frame: (frame: Uint8Array) => void;
  gone: (connection: Connection) => void;
};

/**
 * One websocket: it sends, pings and closes with a code and reason, and reports binary frames.
 * What the frames mean is the room's business (through MessageReceiver); this only owns the socket.
 *
 * Messages sent during a turn wait in an outbox and leave together at the turn's end, in the order
 * they were sent, as one corked write: in a busy room a peer gets one write per turn, not one per
 * edit and per presence change (the profile of scenario 3 showed the per-frame sends).
 */
export class Connection implements Peer, TurnSink {
  readonly docName: DocName;
  readonly role: Role;
  readonly address: string;
  readonly seatSecret: string | undefined;
  readonly speaksRequests: boolean;
  seat?: SeatRef;
  private alive = true;
  private closed = false;
  private terminateTimer: NodeJS.Timeout | undefined;
  /** This turn's messages, and pongs in their place among them (see the 'ping' handler). */
  private outbox: (Uint8Array | { pong: Buffer })[] = [];
  private outboxBytes = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly info: ConnectionInfo,
    private readonly log: Logger,
    private readonly metrics: RelayMetrics,
    private readonly maxBufferedBytes: number,
    private readonly events: ConnectionEvents,
    private readonly socket: Corkable,
    private readonly turnEnd: TurnEnd,
  ) {
    this.docName = info.docName;
    this.role = info.role;
    this.address = info.address;
    this.seatSecret = info.seatSecret;
    this.speaksRequests = info.speaksRequests ?? false;
    ws.binaryType = 'nodebuffer';
    giveOversizeCloseAReason(ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    // The relay is created with autoPong off: a pong waits in the outbox behind what the room sent
    // before it, so a client's ping still answers "every frame before this was handled, and what
    // it caused has been sent" (tests and tools rely on it).
    ws.on('ping', (data: Buffer) => this.queue({ pong: data }, 0));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => this.onClose());
    ws.on('error', (err: Error & { code?: string }) => {
      // ws has already started closing with the matching code (1009 for an oversized message,
      // 1002 or 1007 for a broken frame); record why and let go.
      this.metrics.malformed();
      this.close(err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'tooBig' : 'malformed', { detail: err.message });
    });
  }

  /** Queues a message for the end of this turn; a client that lets too much pile up is cut off instead of slowing anyone. */
  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount + this.outboxBytes > this.maxBufferedBytes) {
      // Its buffers are full, so a close frame would wait behind them: drop it now.
      this.close('tooSlow', { terminate: true });
      return;
    }
    this.queue(message, message.byteLength);
  }

  private queue(item: Uint8Array | { pong: Buffer }, bytes: number): void {
    if (this.closed) return;
    this.outbox.push(item);
    this.outboxBytes += bytes;
    if (this.outbox.length === 1) this.turnEnd.flushAtTurnEnd(this);
  }

  /** Writes this turn's messages, in order, in one corked batch (TurnFlusher calls it). */
  flushTurn(): void {
    if (!this.closed) this.writeOutbox();
  }

  private writeOutbox(): void {
    const batch = this.outbox;
    this.outbox = [];
    this.outboxBytes = 0;
    if (batch.length === 0) return;
    let messages = 0;
    let bytes = 0;
    // A socket the client has begun closing takes no more messages (ws.send would refuse them too);
    // its close event follows.
    const open = this.ws.readyState === this.ws.OPEN;
    // The messages between two pongs (all of them, in most turns) leave as one write of their frames back to back.
    let run: Uint8Array[] = [];
    this.socket.cork();
    try {
      for (const item of batch) {
        if ('pong' in item) {
          if (run.length > 0) this.writeFrames(run);
          run = [];
          this.ws.pong(item.pong);
          continue;
        }
        if (!open) continue;
        messages++;
        bytes += item.byteLength;
        run.push(item);
      }
      if (run.length > 0) this.writeFrames(run);
    } finally {
      this.socket.uncork();
      this.metrics.sent(messages, bytes);
    }
  }

  /**
   * Written beside ws's own frames (pongs, the close) on the same socket, in order: ws frames
   * without compression (perMessageDeflate is off), so it never holds frames back in a queue of its own.
   */
  private writeFrames(messages: readonly Uint8Array[]): void {
    this.socket.write(framesOf(messages), this.onWritten);
  }

  /** One callback for every send, not a closure per message and peer. */
  private readonly onWritten = (err?: Error | null): void => {
    if (err) this.close('goingAway', { terminate: true });
  };

  /** Closes with the named code and reason; `terminate` drops the socket without a handshake. */
  close(name: CloseName, options: { terminate?: boolean; detail?: string } = {}): void {
    if (this.closed) return;
    const spec = CLOSE[name];
    const reason = closeReason(name, options.detail);
    // What the room sent before deciding to close still goes out, ahead of the close frame.
    if (!options.terminate) this.writeOutbox();
    this.leave(name);
    if (name !== 'goingAway') {
      this.log.info({ code: spec.code, reason, detail: options.detail, role: this.role, room: this.info.roomId }, 'closing connection');
    }
    if (options.terminate) {
      this.ws.terminate();
      return;
    }
    try {
      this.ws.close(spec.code, reason);
    } catch {
      this.ws.terminate();
    }
    this.terminateTimer = setTimeout(() => this.ws.terminate(), CLOSE_HANDSHAKE_MS);
    this.terminateTimer.unref();
  }

  requestFailed(err: unknown, op: string): void {
    this.log.error({ err, op, role: this.role, room: this.info.roomId }, 'request failed inside the server');
    this.metrics.requestFailed(op);
  }

  /** Stops reading frames off the socket (a throttled sender then waits in its own buffers). */
  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  /** Called by the ping sweep: a connection that missed the last pong is gone. */
  ping(): void {
    if (!this.alive) {
      this.close('noPong', { terminate: true });
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  /** Resolves once the socket is closed. */
  whenClosed(): Promise<void> {
    if (this.ws.readyState === this.ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => this.ws.once('close', () => resolve()));
  }

  private onClose(): void {
    clearTimeout(this.terminateTimer);
    if (this.closed) return;
    this.log.debug({ role: this.role, room: this.info.roomId, doc: this.docName }, 'connection closed by the client');
    this.leave('client');
  }

  private leave(cause: string): void {
    this.closed = true;
    this.metrics.closed(cause);
    this.events.gone(this);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    // ws keeps delivering frames that were already on the wire after we decided to close.
    if (this.closed) return;
    this.metrics.received(data.byteLength);
    if (!isBinary) {
      this.metrics.malformed();
      this.close('malformed', { detail: 'text frame' });
      return;
    }
    this.events.frame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
}

/**
 * ws refuses an oversized message itself, before any handler sees it, by closing with 1009 and
 * no reason. Fill in the reason so the client (and its user) can tell what happened.
 */
function giveOversizeCloseAReason(ws: WebSocket): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => close(code, reason ?? (code === CLOSE.tooBig.code ? CLOSE.tooBig.reason : undefined));
}
