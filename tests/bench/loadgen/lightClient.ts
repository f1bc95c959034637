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
    return new Promise((resolve) => {
      const ws = new WebSocket(this.target.url, { perMessageDeflate: false, skipUTF8Validation: true });
      this.ws = ws;
      ws.binaryType = 'nodebuffer';
      let settled = false;
      const settle = (failure: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (failure) this.failure = failure;
        else this.syncedAt = performance.now();
        resolve();
      };
      const timer = setTimeout(() => settle('timeout'), timeoutMs);
      ws.on('open', () => {
        this.openedAt = performance.now();
        for (const message of this.framer.hello(Y.encodeStateVector(this.doc))) ws.send(message);
        if (presence !== undefined) this.sendPresence(presence);
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
        if (!settled) settle(`closed ${code}`);
        else if (!this.closing) this.closedUnexpectedly = true;
      });
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
