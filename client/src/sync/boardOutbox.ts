import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { UnsentEdits } from '@okr/shared/doc';

const MESSAGE_SYNC = 0;

/**
 * The board provider's write path for a participant. y-websocket sends an edit as soon as it is in
 * the document (live, or in the sync step 2 that answers the server on reconnect), and a locked
 * board refuses it. So while the board is locked, or its lock is not known yet after a reconnect,
 * those messages are held here on the device and sent as one update when it unlocks; "Discard"
 * rolls the edits back instead. Sync step 1 and presence always pass: the participant stays
 * connected and present.
 */
export class BoardOutbox {
  private holding = true;
  private held: Uint8Array[] = [];
  /** After a discard the held bytes still carry the discarded text: send the collected document instead. */
  private resendWhole = false;
  private socket: WebSocket | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly unsent: UnsentEdits,
  ) {}

  /** A WebSocket class for y-websocket's `WebSocketPolyfill` option whose sends go through this outbox. */
  socketClass(): typeof WebSocket {
    const send = (socket: WebSocket, data: Parameters<WebSocket['send']>[0]) => this.send(socket, data);
    return class HeldSocket extends WebSocket {
      override send(data: Parameters<WebSocket['send']>[0]): void {
        send(this, data);
      }
    };
  }

  /** Whether edits made here wait for the board to unlock. */
  isWaiting(): boolean {
    return this.holding && this.held.length > 0 && this.unsent.any();
  }

  /** Holds document updates while `holding`; when released, sends what was held in one update. */
  setHolding(holding: boolean): void {
    if (holding === this.holding) return;
    this.holding = holding;
    if (!holding) this.release();
    this.notify();
  }

  /** Rolls the held edits back on this device; they are never sent. */
  discard(): void {
    this.unsent.discard();
    this.held = [];
    this.resendWhole = true;
    this.notify();
  }

  destroy(): void {
    this.listeners.clear();
    this.unsent.destroy();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(socket: WebSocket, data: Parameters<WebSocket['send']>[0]): void {
    this.socket = socket;
    const update = data instanceof Uint8Array ? documentUpdateIn(data) : null;
    if (update && this.holding) {
      this.held.push(update);
      this.notify();
      return;
    }
    WebSocket.prototype.send.call(socket, data);
    if (update) this.unsent.markSent();
  }

  private release(): void {
    const update = this.resendWhole ? Y.encodeStateAsUpdate(this.doc) : this.held.length > 0 ? Y.mergeUpdates(this.held) : null;
    this.held = [];
    this.resendWhole = false;
    // Without an open socket the next connection's sync step 2 carries the same edits.
    if (!update || this.socket?.readyState !== WebSocket.OPEN) return;
    WebSocket.prototype.send.call(this.socket, encodeUpdateMessage(update));
    this.unsent.markSent();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The document update a y-websocket message carries (sync step 2 or update), or null for anything else. */
function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
  const kind = decoding.readVarUint(decoder);
  if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) return null;
  return decoding.readVarUint8Array(decoder);
}

function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
