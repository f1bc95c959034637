import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { BoardDoc, ControlDoc, createUndoManager, UnsentEdits } from '@okr/shared/doc';
import { BoardOutbox } from './boardOutbox.ts';
import { followBrowserOnline } from './followBrowserOnline.ts';
import { installJitteredReconnect, reconnectDelay } from './reconnect.ts';
import { REQUEST_PROTOCOL } from '@okr/shared/protocol';
import { RoomRequests } from './roomRequests.ts';
import { RoomVotes } from './roomVotes.ts';
import { seatSecretFor } from './seatSecret.ts';
import type { SeatInfo } from '@okr/shared/protocol';
import { LinkRefusedError, socketTarget } from './tickets.ts';
import { publishWriterWhileNamed } from './writerPresence.ts';
import { carryPresence } from './presenceChannel.ts';

export type Access =
  /** `key` once the facilitator rotated the participant link; before that `/r/<roomId>` alone admits. */
  | { kind: 'participant'; roomId: string; key?: string }
  | { kind: 'facilitator'; roomId: string; key: string }
  | { kind: 'viewer'; viewerKey: string };

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Everything one open board needs from the network: the two documents, their providers and
 * presence. The only place in the client that creates Yjs objects.
 */
export class RoomConnection {
  readonly board = new BoardDoc(new Y.Doc());
  readonly control = new ControlDoc(new Y.Doc());
  readonly awareness: Awareness;
  /** Undo for this device's own board edits; never someone else's. */
  readonly undoManager: Y.UndoManager = createUndoManager(this.board);
  /** A participant's board edits held on this device while the board is locked; null for others. */
  readonly heldEdits: BoardOutbox | null;
  /** The room request channel (seats, votes), over the control connection, which the lock never holds. */
  readonly requests: RoomRequests;
  /** This device's dot votes and confidence votes, kept by the server. */
  readonly votes: RoomVotes;
  /** The seat this device holds, as the server last said (pushed on every connect and rename). */
  mySeat(): SeatInfo | undefined {
    return this.requests.last('seat') as SeatInfo | undefined;
  }
  /** This device's seat secret for the room; viewers hold no lasting seat. */
  private readonly seatSecret: string | undefined;
  private readonly boardProvider: WebsocketProvider;
  private readonly controlProvider: WebsocketProvider;
  private readonly cleanups: (() => void)[] = [];
  private status: ConnectionStatus = 'connecting';
  private everSynced = false;
  private readonly statusListeners = new Set<() => void>();
  private destroyed = false;
  /** Set when the server refused the link for good (unknown room, wrong key). */
  refusal: string | null = null;

  constructor(
    readonly access: Access,
    wsBase: string = defaultWsBase(),
  ) {
    // Every board connection goes to /sync/<roomId>; which room and with what ticket is settled just before each connect.
    const options = { maxBackoffTime: 10_000, disableBc: true, connect: false };
    const pending = access.kind === 'viewer' ? 'pending' : access.roomId;
    this.heldEdits = access.kind === 'participant' ? new BoardOutbox(this.board.ydoc, new UnsentEdits(this.board, this.undoManager)) : null;
    const boardOptions = this.heldEdits ? { ...options, WebSocketPolyfill: this.heldEdits.socketClass() } : options;
    this.boardProvider = new WebsocketProvider(`${wsBase}/sync`, pending, this.board.ydoc, boardOptions);
    this.controlProvider = new WebsocketProvider(`${wsBase}/sync`, `${pending}/control`, this.control.ydoc, options);
    this.seatSecret = access.kind === 'viewer' ? undefined : seatSecretFor(access.roomId);
    this.requests = new RoomRequests(this.controlProvider);
    this.votes = new RoomVotes(this.requests, access.kind === 'facilitator');
    if (this.heldEdits) this.cleanups.push(holdEditsWhileLocked(this.heldEdits, this.control, this.controlProvider));
    // Presence gets an id of its own (a Y.Doc used only for its random client id), never the board's
    // client id: otherwise presence would name the writer of every struct in the board document.
    this.awareness = new Awareness(new Y.Doc());
    this.cleanups.push(carryPresence(this.boardProvider, this.awareness));
    if (access.kind !== 'viewer') {
      this.cleanups.push(publishWriterWhileNamed(this.board, this.control, this.awareness, () => this.status === 'connected', (fn) => this.onStatus(fn)));
    }
    const opens = new Map<WebsocketProvider, () => void>();
    for (const [provider, suffix] of [[this.boardProvider, ''], [this.controlProvider, '/control']] as const) {
      // Only the control connection announces the request channel, so each event arrives once.
      const open = () => void this.open(provider, suffix, provider === this.controlProvider ? { proto: REQUEST_PROTOCOL } : {});
      opens.set(provider, open);
      this.cleanups.push(installJitteredReconnect(provider, open));
      const onStatus = () => this.updateStatus();
      provider.on('status', onStatus);
      provider.on('sync', onStatus);
      provider.on('closed', (event: { code: number; reason: string }) => this.refuse(event.reason || `refused (${event.code})`));
      this.cleanups.push(() => provider.off('status', onStatus));
      open();
    }
    // Back online, each provider reconnects through `open`, which fetches a fresh ticket first.
    this.cleanups.push(followBrowserOnline([this.boardProvider, this.controlProvider], () => this.updateStatus(), (provider) => opens.get(provider)?.()));
  }

  get isFacilitator(): boolean {
    return this.access.kind === 'facilitator';
  }

  get isViewer(): boolean {
    return this.access.kind === 'viewer';
  }

  connectionStatus(): ConnectionStatus {
    return this.status;
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    // Said while the socket is still open, so the others drop this device at once.
    this.awareness.setLocalState(null);
    for (const cleanup of this.cleanups) cleanup();
    this.heldEdits?.destroy();
    this.votes.destroy();
    this.requests.destroy();
    this.undoManager.destroy();
    // Its Y.Doc only gave presence an id; destroying it stops presence's timer.
    this.awareness.doc.destroy();
    this.boardProvider.destroy();
    this.controlProvider.destroy();
    this.board.ydoc.destroy();
    this.control.ydoc.destroy();
  }

  /**
   * Connects one provider: first a fresh single-use ticket for keyed links (tickets.ts), so no key
   * is in the websocket URL. A link the server refuses for good stops here; a network failure is
   * retried with the provider's own backoff.
   */
  private async open(provider: WebsocketProvider, suffix: string, extraParams: Record<string, string>): Promise<void> {
    try {
      const target = await socketTarget(this.access, this.seatSecret);
      if (this.destroyed) return;
      provider.roomname = `${target.roomId}${suffix}`;
      provider.params = { ...target.params, ...extraParams };
      provider.connect();
    } catch (err) {
      if (this.destroyed) return;
      if (err instanceof LinkRefusedError) return this.refuse(err.message);
      setTimeout(() => void this.open(provider, suffix, extraParams), reconnectDelay(3));
    }
  }

  private refuse(reason: string): void {
    this.refusal = reason;
    this.updateStatus();
    for (const listener of this.statusListeners) listener();
  }

  private updateStatus(): void {
    const synced = this.boardProvider.synced && this.controlProvider.synced;
    if (synced) this.everSynced = true;
    let next: ConnectionStatus;
    if (synced) next = 'connected';
    else if (typeof navigator !== 'undefined' && !navigator.onLine) next = 'offline';
    else next = this.everSynced ? 'reconnecting' : 'connecting';
    if (next !== this.status) {
      this.status = next;
      for (const listener of this.statusListeners) listener();
    }
  }
}

function defaultWsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/** Board edits wait while the board is locked, and while the lock is unknown (the control document is not synced). */
function holdEditsWhileLocked(outbox: BoardOutbox, control: ControlDoc, controlProvider: WebsocketProvider): () => void {
  const follow = () => outbox.setHolding(!controlProvider.synced || control.state().locked);
  const unsubscribe = control.subscribe(follow);
  controlProvider.on('sync', follow);
  return () => {
    unsubscribe();
    controlProvider.off('sync', follow);
  };
}
