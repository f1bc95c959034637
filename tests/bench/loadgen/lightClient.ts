import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeAwareness, framer, marker, type Dialect, type Framer } from './wire.ts';

/** Where one room lives on one server, in every form a client needs. */
export type RoomTarget = {
  /** Full websocket URL a raw client connects to. */
  url: string;
  /** y-websocket provider's `serverUrl` and `roomname` (ours, reference, bare). */
  providerBase: string;
  roomName: string;
  /** Hocuspocus document name (sent inside every message). */
  docName: string;
  /** Shared mode: the same room on the other instances. */
  elsewhere?: { url: string; providerBase: string }[];
};

/** The room as its `k`-th instance serves it (k counts around): shared mode spreads a room's clients over every instance. */
export function onInstance(target: RoomTarget, k: number): RoomTarget {
  const all = [{ url: target.url, providerBase: target.providerBase }, ...(target.elsewhere ?? [])];
  return { ...target, ...all[k % all.length]! };
}

/** y-websocket's provider: its first retry after 100 ms, doubling per failed attempt, at most `maxBackoffTime` (2,500 ms). */
const RECONNECT_BASE_MS = 100;
const RECONNECT_MAX_MS = 2_500;

type Received = (client: LightClient, message: Buffer) => void;

/**
 * A cheap client for load: it speaks just enough of the protocol to join a room, sends Yjs updates
 * made on a tiny document of its own (only its own edits, so sending costs the same at 8 or 400
 * clients) and presence, and hands every received frame to the tally without decoding it.
 */
export class LightClient {
  readonly doc = new Y.Doc();
  /** Edits go where the board's schema takes a small keyed value: a dismissed finding per client (docs/board-document.md). */
  private readonly map = this.doc.getMap<{ key: string; by: string }>('dismissals');
  private readonly framer: Framer;
  private ws: WebSocket | null = null;
  private presenceClock = 0;
  private pending: Uint8Array | null = null;
  private closing = false;
  startedAt = 0;
  openedAt = 0;
  syncedAt = 0;
  closedUnexpectedly = false;
  /** Times the server closed this client's socket after it had joined, and times it opened one again. */
  disconnects = 0;
  reconnects = 0;
  private failedAttempts = 0;
  private presenceState: unknown;
  failure: string | null = null;
  lastEdit: string | null = null;

  constructor(
    readonly id: number,
    readonly room: number,
    private readonly target: RoomTarget,
    private readonly dialect: Dialect,
    private readonly onReceived: Received,
  ) {
    this.framer = framer(dialect, target.docName);
    this.doc.on('update', (update: Uint8Array) => {
      this.pending = update;
    });
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Resolves once joined: after the server's full state (sync step 2), or on open for the bare relay. */
  connect(timeoutMs: number, presence?: unknown): Promise<void> {
    this.startedAt = performance.now();
    this.presenceState = presence;
    return new Promise((resolve) => this.join(timeoutMs, resolve));
  }

  /**
   * Opens a socket and joins. A socket the server closes after joining is opened again, as
   * y-websocket's provider does (after 100 ms × 2^attempts, at most 2.5 s, its defaults): the
   * join's sync step 2 sends this client's whole state, so its latest edit reaches the room again,
   * while edits it overwrote meanwhile are gone (and count as dropped, as they are for a person).
   */
  private join(timeoutMs: number, joined: () => void): void {
    const ws = new WebSocket(this.target.url, { perMessageDeflate: false, skipUTF8Validation: true });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    let settled = false;
    let joinedHere = false;
    const settle = (failure: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Only the first join's failure is the client's: a failed reconnect is tried again.
      if (failure && !this.syncedAt) this.failure = failure;
      if (!failure) {
        joinedHere = true;
        this.syncedAt ||= performance.now();
        this.failedAttempts = 0;
      }
      joined();
    };
    const timer = setTimeout(() => {
      settle('timeout');
      // A reconnect that hangs is given up and tried again (its 'close' below).
      if (this.syncedAt) ws.terminate();
    }, timeoutMs);
    ws.on('open', () => {
      this.openedAt ||= performance.now();
      for (const message of this.framer.hello(Y.encodeStateVector(this.doc))) ws.send(message);
      if (this.presenceState !== undefined) this.sendPresence(this.presenceState);
      if (this.dialect === 'bare') settle(null);
    });
    ws.on('message', (data: Buffer) => {
      if (!settled || this.dialect !== 'bare') {
        const kind = this.framer.classify(data);
        // Answer the server's state vector with what we have, as a real client does.
        if (kind === 'step1' && this.dialect !== 'bare') ws.send(this.framer.step2(Y.encodeStateAsUpdate(this.doc)));
        else if (kind === 'step2') settle(null);
      }
      this.onReceived(this, data);
    });
    ws.on('unexpected-response', (_req, res) => settle(`HTTP ${res.statusCode}`));
    ws.on('error', (err) => settle(err.message));
    ws.on('close', (code) => {
      if (this.closing) return;
      settle(`closed ${code}`);
      // A client that never joined has failed to connect (counted above); one that had, comes back.
      if (!this.syncedAt) return;
      if (joinedHere) {
        this.closedUnexpectedly = true;
        this.disconnects++;
      }
      const delay = Math.min(RECONNECT_BASE_MS * 2 ** this.failedAttempts++, RECONNECT_MAX_MS);
      setTimeout(() => {
        if (this.closing) return;
        this.reconnects++;
        // A failed reconnect closes too, and is tried again from 'close'.
        this.join(timeoutMs, () => {});
      }, delay);
    });
  }

  /** One edit: this client's own key in a shared map, set to a fresh marker. */
  edit(seq: number, now: number): void {
    const value = marker('E', this.id, seq, now);
    this.map.set(`w${this.id}`, { key: `w${this.id}`, by: value });
    this.lastEdit = value;
    const update = this.pending;
    this.pending = null;
    if (update && this.open) this.ws!.send(this.framer.update(update));
  }

  /** One presence update, shaped like the board's (who, colour, cursor), carrying a marker. */
  presence(seq: number, now: number): void {
    this.sendPresence({
      user: { id: `bench-${this.id}`, name: `Bench ${this.id}`, color: '#2a7fff', role: 'participant' },
      cursor: { x: (seq * 37) % 1280, y: (seq * 53) % 800 },
      m: marker('P', this.id, seq, now),
    });
  }

  /** Any presence state, e.g. a canvas cursor (the browser benchmark's remote cursors). */
  sendPresence(state: unknown): void {
    if (!this.open) return;
    this.presenceClock++;
    this.ws!.send(this.framer.awareness(encodeAwareness(this.doc.clientID, this.presenceClock, state)));
  }

  close(): void {
    this.closing = true;
    this.ws?.terminate();
    this.doc.destroy();
  }
}
