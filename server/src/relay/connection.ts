import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { DocName } from '../store/roomStore.ts';
import { CLOSE, MESSAGE, SYNC } from './protocol.ts';
import { DocTooLargeError, isEmptyUpdate, type Room } from './room.ts';
import type { RelayMetrics } from './metrics.ts';

export type Role = 'facilitator' | 'participant' | 'viewer';
type CloseSpec = { code: number; reason: string };

/**
 * One websocket bound to one document of one room. It decodes y-websocket messages and hands them
 * to the room; any message it cannot decode closes this connection only, with a reason.
 */
export class Connection {
  /** Presence client ids this connection set, removed when it closes. */
  readonly presenceIds = new Set<number>();
  alive = true;
  private closed = false;

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
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => this.onClose());
    ws.on('error', (err) => {
      this.log.warn({ err: err.message }, 'websocket error');
      this.close(CLOSE.malformed);
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

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE.tooSlow);
      return;
    }
    this.metrics.sent(message.byteLength);
    this.ws.send(message, (err) => {
      if (err) this.close(CLOSE.goingAway);
    });
  }

  close(spec: CloseSpec): void {
    if (this.closed) return;
    this.leave();
    if (spec !== CLOSE.goingAway) this.log.info({ code: spec.code, reason: spec.reason, role: this.role }, 'closing connection');
    try {
      this.ws.close(spec.code, spec.reason);
    } catch {
      this.ws.terminate();
    }
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  /** Called by the ping sweep: a connection that missed the last pong is gone. */
  ping(): void {
    if (!this.alive) {
      this.close(CLOSE.noPong);
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private onClose(): void {
    if (!this.closed) this.leave();
  }

  private leave(): void {
    this.closed = true;
    this.room.leave(this);
    this.onGone(this);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.metrics.received(data.byteLength);
    if (!isBinary) return this.close(CLOSE.malformed);
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
          const presence = this.room.presenceSnapshot();
          if (presence) this.send(presence);
          return;
        }
        case MESSAGE.auth:
          return;
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (err) {
      if (err instanceof DocTooLargeError) return this.close(CLOSE.docTooBig);
      this.metrics.malformed();
      this.log.warn({ err: (err as Error).message, room: this.room.id }, 'malformed message');
      this.close(CLOSE.malformed);
    }
  }

  private onSync(decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    const relay = this.room.doc(this.docName);
    if (kind === SYNC.step1) {
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
    if (this.docName === 'board' && this.role === 'participant' && !isEmptyUpdate(update)) this.close(CLOSE.locked);
  }
}
