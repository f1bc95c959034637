import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { Role } from '../access.ts';
import type { DocName } from '../store/roomStore.ts';
import { CLOSE, MESSAGE, SYNC, type CloseName } from './protocol.ts';
import { DocTooLargeError, isEmptyUpdate, type Room } from './room.ts';
import type { RelayMetrics } from './metrics.ts';
import { UpdateRejectedError } from './updateCheck.ts';

/**
 * Answering a sync step 1 (or a presence query) encodes a whole document for one client. A client
 * sends one per connection; a stream of them is an amplification attack. Burst, then one a second.
 */
const SYNC_REQUEST_BURST = 10;
const SYNC_REQUEST_REFILL_MS = 1_000;
/** A peer that never answers the close handshake must not hold the socket open. */
const CLOSE_HANDSHAKE_MS = 5_000;

/**
 * One websocket bound to one document of one room. It decodes y-websocket messages and hands them
 * to the room; any message it cannot decode or apply closes this connection only, with a reason.
 */
export class Connection {
  /** Presence client ids this connection set and still owns, removed when it closes. */
  readonly presenceIds = new Set<number>();
  alive = true;
  private closed = false;
  private terminateTimer: NodeJS.Timeout | undefined;
  private syncTokens = SYNC_REQUEST_BURST;
  private syncTokensAt = Date.now();

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly docName: DocName,
    readonly role: Role,
    private readonly log: Logger,
    private readonly metrics: RelayMetrics,
    private readonly maxBufferedBytes: number,
    private readonly onGone: (connection: Connection) => void,
  ) {
    ws.binaryType = 'nodebuffer';
    giveOversizeCloseAReason(ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
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
    room.join(this);
    this.greet();
  }

  /** Our state vector (so the client sends what we lack) and, on the board, everyone's presence. */
  private greet(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.room.doc(this.docName).ydoc);
    this.send(encoding.toUint8Array(encoder));
    const presence = this.docName === 'board' ? this.room.presenceSnapshot() : null;
    if (presence) this.send(presence);
  }

  /** Queues a message; a client that lets too much pile up is cut off instead of slowing anyone. */
  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      // Its buffers are full, so a close frame would wait behind them: drop it now.
      this.close('tooSlow', { terminate: true });
      return;
    }
    this.metrics.sent(message.byteLength);
    this.ws.send(message, (err) => {
      if (err) this.close('goingAway', { terminate: true });
    });
  }

  /** Closes with the named code and reason; `terminate` drops the socket without a handshake. */
  close(name: CloseName, options: { terminate?: boolean; detail?: string } = {}): void {
    if (this.closed) return;
    const spec = CLOSE[name];
    this.leave(name);
    if (name !== 'goingAway') {
      this.log.info({ code: spec.code, reason: spec.reason, detail: options.detail, role: this.role, room: this.room.id }, 'closing connection');
    }
    if (options.terminate) {
      this.ws.terminate();
      return;
    }
    try {
      this.ws.close(spec.code, spec.reason);
    } catch {
      this.ws.terminate();
    }
    this.terminateTimer = setTimeout(() => this.ws.terminate(), CLOSE_HANDSHAKE_MS);
    this.terminateTimer.unref();
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
    this.log.debug({ role: this.role, room: this.room.id, doc: this.docName }, 'connection closed by the client');
    this.leave('client');
  }

  private leave(cause: string): void {
    this.closed = true;
    this.metrics.closed(cause);
    this.room.leave(this);
    this.onGone(this);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    // ws keeps delivering frames that were already on the wire after we decided to close.
    if (this.closed) return;
    this.metrics.received(data.byteLength);
    if (!isBinary) return this.reject('malformed', 'text frame');
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE.sync:
          return this.onSync(decoder);
        case MESSAGE.awareness: {
          const update = decoding.readVarUint8Array(decoder);
          // Viewers watch; their presence is not shown. The control document has no presence.
          if (this.docName === 'board' && this.role !== 'viewer') this.room.applyPresence(this, update);
          return;
        }
        case MESSAGE.queryAwareness: {
          if (!this.takeSyncToken()) return this.close('tooManyRequests');
          const presence = this.room.presenceSnapshot();
          if (presence) this.send(presence);
          return;
        }
        case MESSAGE.auth:
          return;
        default:
          return this.reject('malformed', `unknown message type ${type}`);
      }
    } catch (err) {
      if (err instanceof DocTooLargeError) return this.close('docTooBig');
      if (err instanceof UpdateRejectedError) {
        this.metrics.rejected(err.problem);
        return this.reject('unappliable', err.problem);
      }
      return this.reject('malformed', (err as Error).message);
    }
  }

  private reject(name: 'malformed' | 'unappliable', detail: string): void {
    this.metrics.malformed();
    this.close(name, { detail });
  }

  private onSync(decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const relay = this.room.doc(this.docName);
    if (kind === SYNC.step1) {
      if (!this.takeSyncToken()) return this.close('tooManyRequests');
      const stateVector = decoding.readVarUint8Array(decoder);
      // Nothing leaves the server before the store has it.
      relay.flush();
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeSyncStep2(encoder, relay.ydoc, stateVector);
      this.send(encoding.toUint8Array(encoder));
      return;
    }
    if (kind !== SYNC.step2 && kind !== SYNC.update) throw new Error(`unknown sync message ${kind}`);
    const update = decoding.readVarUint8Array(decoder);
    if (this.room.mayWrite(this)) return this.room.applyUpdate(this, update);
    this.metrics.dropped();
    // A board edit that raced the lock: the client has it and the server does not, so later edits
    // from that client could not apply. Closing makes it resync (and retry) once unlocked.
    if (this.docName === 'board' && this.role === 'participant' && !isEmptyUpdate(update)) this.close('locked');
  }

  private takeSyncToken(now = Date.now()): boolean {
    this.syncTokens = Math.min(SYNC_REQUEST_BURST, this.syncTokens + (now - this.syncTokensAt) / SYNC_REQUEST_REFILL_MS);
    this.syncTokensAt = now;
    if (this.syncTokens < 1) return false;
    this.syncTokens -= 1;
    return true;
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
