import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { BoardDoc, ClientIdBindings, ControlDoc, ORIGIN, PrivateDoc, SERVER_OWNER, upgradeObjectiveText, upgradeTextFields, type DecodedUpdate } from '@okr/shared/doc';
import { peopleHere, type RoomPerson } from '@okr/shared/workshop';
import type { SeatRow } from '@okr/shared/protocol';
import type { Role } from '../access.ts';
import type { DocName, RoomStore, StoredDocName } from '../store/roomStore.ts';
import type { RelayEvent } from './messageDecoder.ts';
import type { RelayMetrics } from './metrics.ts';
import { sizeLimitFor } from './docSizePolicy.ts';
import { ClientIdOwners, ForeignClientIdError, MAX_CLIENT_IDS_PER_CONNECTION, writersOf } from './clientIdOwners.ts';
import { checkPresenceSize, decodePresence, showPresence, stampPresence } from './presence.ts';
import { PresenceBudget } from './presenceBudget.ts';
import { PresenceOwners } from './presenceOwners.ts';
import { PresenceWire } from './presenceWire.ts';
import { encodeAwarenessMessage, encodePermissionDenied, encodeRoomMessage, LOCKED_REASON, type CloseName } from './protocol.ts';
import { ROOM_REQUESTS } from './roomOps.ts';
import { RoomVotes } from './roomVotes.ts';
import { SeatBook, type SeatRef } from './seatBook.ts';
import { RelayDoc, type PreloadedDoc } from './relayDoc.ts';
import { RoomHistory, type VersionKeeper } from './roomHistory.ts';
import { AnonymousDesk } from './anonymousDesk.ts';
import { TokenBucket } from './tokenBucket.ts';
import type { TurnScheduler } from './turnFlusher.ts';
import { bringsNews } from './updateNews.ts';
import { decodeClientUpdate, UpdateRejectedError } from './updateCheck.ts';
import { boardWriteGuard, mayShowPresence, mayWrite, refusalMayHaveRacedTheLock } from './writePolicy.ts';

export type RoomLimits = {
  maxDocBytes: number;
  compactAfterUpdates: number;
  maxConnectionsPerRoom: number;
  maxConnectionsPerRoomPerIp: number;
  maxPresenceBytes: number;
  /** Presence one connection may have broadcast per second, in state bytes (a second's worth at once); past it its newest state waits. */
  presenceBytesPerSecond: number;
};

/** Shared mode's storage for a room: each document's rows as read when it opened, and PostgreSQL's History. No SQLite store. */
export type SharedRoomStorage = { preloaded: Record<StoredDocName, PreloadedDoc>; versions: VersionKeeper };

/**
 * What the room needs of a connection: who it is, which document it is bound to, a way to send it
 * messages and a way to close it with a reason. The websocket Connection is one; tests use fakes.
 * Everything the room sends a peer goes through `send`, so a per-peer outbox written once per turn
 * can sit behind it without the room changing.
 */
export interface Peer {
  readonly docName: DocName;
  readonly role: Role;
  /** The network address it came from: per-address limits count by it (behind a proxy, all share one). */
  readonly address: string;
  /** The seat secret the connection brought (ticket or `?seat=`), if any: the room maps it to a seat. */
  readonly seatSecret?: string | undefined;
  /** Whether it announced the request channel (`?proto=`): only then is it sent events it did not ask for. */
  readonly speaksRequests?: boolean;
  /** The seat it holds, set by the room on join; policy code reads it (resolve it through `seats` after merges). */
  seat?: SeatRef;
  send(message: Uint8Array): void;
  close(name: CloseName, options?: { detail?: string }): void;
  /** Logs and counts a request of this peer's that failed inside the server (never sent to it). */
  requestFailed(err: unknown, op: string): void;
}

/** How long the clock of a departed presence id is kept (see forgetOldPresenceClocks). */
const PRESENCE_CLOCK_TTL_MS = 60_000;

export class DocTooLargeError extends Error {
  override name = 'DocTooLargeError';
}

/**
 * A loaded room: its two documents, presence, and its peers with the presence ids each owns. The
 * room applies every policy (roles, the lock, presence ownership, sizes); peers only carry bytes.
 */
export class Room {
  readonly board: RelayDoc;
  readonly control: RelayDoc;
  /** Seats (and, with votes, ballots): stored like the others, never synced to any connection. */
  readonly privateDoc: RelayDoc;
  readonly seats: SeatBook;
  /** Which seat each Yjs client id belongs to: presence and writes under someone else's are refused. */
  readonly clientIds: ClientIdOwners;
  /** How many client ids each connection has claimed (MAX_CLIENT_IDS_PER_CONNECTION). */
  private readonly claimedBy = new Map<Peer, number>();
  readonly votes: RoomVotes;
  /**
   * Presence for the board: names, colours, who is writing. Never stored. It has a document of
   * its own (awareness only needs a client id) so the board document can be rebuilt under it.
   */
  readonly awareness: awarenessProtocol.Awareness;
  /** Everyone's presence as a joiner is greeted with: each state serialised once per change of it, the greeting once per change of presence. */
  private readonly presenceWire: PresenceWire;
  private readonly peers = { board: new Set<Peer>(), control: new Set<Peer>() };
  private readonly presenceOwners = new PresenceOwners<Peer>();
  /** Connections per document and address, so one address cannot take every connection slot. */
  private readonly perAddress = new Map<string, number>();
  private changedPresence = new Set<number>();
  private lastClockSweep = 0;
  private presenceFlushScheduled = false;
  private seatsPushScheduled = false;
  /** Each address's budget of new stored seats (mayStoreNewSeat); lives as long as the loaded room. */
  private readonly newSeatBudgets = new Map<string, TokenBucket>();
  /** Participants whose board edits met the lock: told once, and asked for them when the board unlocks. */
  private readonly heldByLock = new Set<Peer>();
  /** How much presence each connection may still have broadcast (PRESENCE_BYTES_PER_SECOND). */
  private readonly presenceBudget: PresenceBudget<Peer>;
  /** The size of each changed presence id's newest state, charged to its owner's budget when it goes out. */
  private readonly presenceBytes = new Map<number, number>();
  private presenceTimer: NodeJS.Timeout | undefined;
  /** Told the ids of each presence broadcast: shared mode publishes its own people's from these, so the bus sees what local clients see, after the per-connection budget. */
  private readonly presenceSentListeners = new Set<(ids: readonly number[]) => void>();
  private presenceTimerDue = Infinity;
  /** Runs a task at the end of this turn, after the documents' flush (TurnFlusher), so presence joins the turn's batch. */
  private readonly atTurnEnd: (task: () => void) => void;
  /** Typed reads of the control document; rebuilt when RelayDoc rebuilds its Y.Doc after a refused update. */
  private controlDocView: ControlDoc | undefined;
  private privateView: PrivateDoc | undefined;
  private boardDocView: BoardDoc | undefined;
  /** Versions of the board to restore from: taken at step changes, reveals, big deletions and while busy. */
  readonly history: RoomHistory;
  /** Cards of an anonymous board, held in the private document until the server publishes them. */
  readonly anonymous: AnonymousDesk;

  constructor(
    readonly id: string,
    /** Where the documents come from and the board's versions go: the store's SQLite, or in shared mode the rows read before the room opened (relay/shared/) and PostgreSQL. */
    storage: RoomStore | SharedRoomStorage,
    private readonly limits: RoomLimits,
    private readonly metrics: RelayMetrics,
    flusher?: TurnScheduler,
  ) {
    this.presenceBudget = new PresenceBudget(limits.presenceBytesPerSecond);
    this.atTurnEnd = flusher ? (task) => flusher.later(task) : (task) => setImmediate(task);
    const onFlushed = (ms: number) => metrics.storeWrite(ms);
    const source = (name: StoredDocName) => ('preloaded' in storage ? storage.preloaded[name] : storage);
    this.board = new RelayDoc(id, 'board', source('board'), (m) => this.broadcast('board', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    this.control = new RelayDoc(id, 'control', source('control'), (m) => this.broadcast('control', m, 'update'), limits.compactAfterUpdates, onFlushed, flusher);
    this.privateDoc = new RelayDoc(id, 'private', source('private'), () => {}, limits.compactAfterUpdates, onFlushed, flusher);
    this.seats = new SeatBook(() => this.privateState(), Date.now, (address) => this.mayStoreNewSeat(address));
    let bindings: ClientIdBindings | undefined;
    this.clientIds = new ClientIdOwners(
      () => (bindings?.ydoc === this.privateDoc.ydoc ? bindings : (bindings = new ClientIdBindings(this.privateDoc.ydoc))),
      { resolve: (seatId) => this.seats.resolve(seatId)?.id, isStored: (seatId) => this.privateState().seat(seatId) !== undefined },
    );
    // The server's own changes (the upgrades below, restores, what it publishes) are under ids no client may use.
    this.board.onOwnWrite = (clientId) => this.clientIds.claimForServer(clientId);
    this.control.onOwnWrite = (clientId) => this.clientIds.claimForServer(clientId);
    this.votes = new RoomVotes(this);
    // Boards saved before card text was Y.Text are converted once, here, where the server is the
    // only writer: two clients creating the same nested type would lose one's content.
    // The lock lifted on another instance: writers it held here are asked for their edits as on a local unlock.
    this.control.onRemoteApplied = () => {
      if (this.heldByLock.size > 0 && !this.isLocked()) this.askForHeldEdits();
    };
    upgradeTextFields(this.board.ydoc);
    upgradeObjectiveText(this.control.ydoc);
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.presenceWire = new PresenceWire(this.awareness);
    this.awareness.on('update', this.onPresence);
    this.history = new RoomHistory(id, storage.versions, {
      board: () => this.board.ydoc,
      controlState: () => this.controlState(),
      writeBoardAsServer: (fn) => this.board.transactAsServer(() => fn(this.boardView()), ORIGIN.restore),
    });
    // Shared mode: another instance's people changed the board, so a step change here keeps it.
    this.board.onRemoteApplied = () => this.history.boardChanged();
    this.anonymous = new AnonymousDesk({
      boardView: () => this.boardView(),
      privateDoc: () => this.privateDoc.ydoc,
      writeBoardAsServer: (fn) => this.board.transactAsServer(fn, ORIGIN.anonymous),
      controlState: () => this.controlState(),
    });
    // A reveal the server saw but did not act on before it stopped (a crash) is acted on now.
    this.anonymous.followControl();
  }

  doc(name: StoredDocName): RelayDoc {
    if (name === 'private') return this.privateDoc;
    return name === 'board' ? this.board : this.control;
  }

  /** Peers of one document, or of both when no name is given. */
  connectionCount(name?: DocName): number {
    return name ? this.peers[name].size : this.peers.board.size + this.peers.control.size;
  }

  /** Whether one more person may open this document: each person holds one connection per document, so the cap counts people. */
  hasRoomFor(name: DocName): boolean {
    return this.peers[name].size < this.limits.maxConnectionsPerRoom;
  }

  /** Whether `address` may hold one more of this document's seats (MAX_CONNECTIONS_PER_ROOM_PER_IP). */
  hasSeatFor(name: DocName, address: string): boolean {
    return (this.perAddress.get(`${name} ${address}`) ?? 0) < this.limits.maxConnectionsPerRoomPerIp;
  }

  /** Adds a peer and greets it: our state vector (so it sends what we lack) and, on the board, everyone's presence. */
  join(peer: Peer): void {
    peer.seat = { id: this.seats.claim(peer.seatSecret, peer.address).id, role: peer.role };
    this.peers[peer.docName].add(peer);
    const slot = `${peer.docName} ${peer.address}`;
    this.perAddress.set(slot, (this.perAddress.get(slot) ?? 0) + 1);
    peer.send(this.doc(peer.docName).syncStep1());
    if (peer.docName === 'board') this.sendPresenceSnapshot(peer);
    this.pushSeat(peer);
    this.peopleChanged();
  }

  /** Removes the peer and, at once, the presence it owned: no ghosts. */
  leave(peer: Peer): void {
    if (!this.peers[peer.docName].delete(peer)) return;
    this.heldByLock.delete(peer);
    this.claimedBy.delete(peer);
    if (peer.seat && !this.isSeatConnected(peer.seat.id)) {
      this.seats.forget(peer.seat.id);
      this.clientIds.release(peer.seat.id);
    }
    const slot = `${peer.docName} ${peer.address}`;
    const held = (this.perAddress.get(slot) ?? 1) - 1;
    if (held > 0) this.perAddress.set(slot, held);
    else this.perAddress.delete(slot);
    this.presenceBudget.forget(peer);
    const owned = this.presenceOwners.release(peer);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, 'connection closed');
    this.forgetOldPresenceClocks();
    this.peopleChanged();
  }

  /**
   * Acts on one decoded message from a peer. Throws DocTooLargeError, UpdateRejectedError,
   * MalformedPresenceError or PresenceTooBigError for what must close the peer; the caller closes it.
   */
  receive(peer: Peer, event: RelayEvent): void {
    switch (event.kind) {
      case 'syncRequest':
        return this.answerSyncRequest(peer, event.stateVector);
      case 'update':
        return this.receiveUpdate(peer, event.update);
      case 'presence':
        if (mayShowPresence(peer.role, peer.docName)) this.applyPresence(peer, event.update);
        return;
      case 'presenceQuery':
        return this.sendPresenceSnapshot(peer);
      case 'auth':
        return;
      case 'request':
        return ROOM_REQUESTS.handle(this, peer, event.json);
    }
  }

  /** The typed server-private document (seats, ballots). */
  privateState(): PrivateDoc {
    if (this.privateView?.ydoc !== this.privateDoc.ydoc) this.privateView = new PrivateDoc(this.privateDoc.ydoc);
    return this.privateView;
  }

  /** Stores (and broadcasts) what the server itself wrote this turn: seats, ballots, counts and tallies. */
  flushServerWrites(): void {
    this.privateDoc.flush();
    this.control.flush();
  }

  /** Sends `event` to every connection holding `seatId` (after merges) that speaks the request channel. */
  pushToSeat(seatId: string, event: string, data: unknown): void {
    const message = encodeRoomMessage({ event, data });
    for (const peer of this.allPeers()) {
      if (peer.speaksRequests && peer.seat && this.seats.resolve(peer.seat.id)?.id === seatId) peer.send(message);
    }
  }

  /** Sends `event` to every facilitator connection that speaks the request channel. */
  pushToFacilitators(event: string, data: unknown): void {
    const message = encodeRoomMessage({ event, data });
    for (const peer of this.allPeers()) if (peer.speaksRequests && peer.role === 'facilitator') peer.send(message);
  }

  /** A seat was renamed: its holders hear their seat again, the facilitators the list. */
  seatChanged(seatId: string): void {
    this.pushToSeat(seatId, 'seat', this.seatView(seatId));
    this.peopleChanged();
  }

  /**
   * Someone came, went, showed themself or was renamed: the round's count follows at once, and the
   * facilitators' seat list (their People screen) once at the end of the turn, however many joined in it.
   */
  private peopleChanged(): void {
    this.votes.publishProgress();
    if (this.seatsPushScheduled) return;
    this.seatsPushScheduled = true;
    this.atTurnEnd(() => {
      this.seatsPushScheduled = false;
      if (this.hasFacilitatorListening()) this.pushToFacilitators('seats', this.seatList());
    });
  }

  private hasFacilitatorListening(): boolean {
    for (const peer of this.allPeers()) if (peer.speaksRequests && peer.role === 'facilitator') return true;
    return false;
  }

  /** `from` now counts as `into`: its holders hear their new seat, and each feature moves what it kept. */
  seatsMerged(from: string, into: string): void {
    for (const peer of this.allPeers()) if (peer.seat?.id === from) peer.seat = { id: into, role: peer.role };
    this.anonymous.moveWriter(from, into);
    this.seatChanged(into);
  }

  /**
   * The room's seats for the facilitator's People screen: every stored seat and every person here
   * (peopleHere: not projectors, not a connection that never said who it is), each with its role,
   * how many devices hold it now, and whether it has voted in the open round.
   */
  seatList(): SeatRow[] {
    const here = new Map(this.people().map((person) => [person.id, person]));
    const devices = new Map<string, { board: number; control: number }>();
    for (const peer of this.allPeers()) {
      const seatId = peer.seat && peer.role !== 'viewer' ? this.seats.resolve(peer.seat.id)?.id : undefined;
      if (!seatId) continue;
      const count = devices.get(seatId) ?? { board: 0, control: 0 };
      count[peer.docName]++;
      devices.set(seatId, count);
    }
    const voted = this.votes.votedSeats();
    const row = (id: string, name: string): SeatRow => {
      const person = here.get(id);
      const count = devices.get(id);
      return {
        id,
        name,
        role: person?.role ?? null,
        connected: person !== undefined,
        // The app holds a board and a control connection per tab; a tool may hold either alone.
        devices: person && count ? Math.max(count.board, count.control) : 0,
        voted: voted === null ? null : voted.has(id),
      };
    };
    const listed = new Map(this.seats.stored().map((seat) => [seat.id, row(seat.id, seat.name)]));
    for (const id of here.keys()) if (!listed.has(id)) listed.set(id, row(id, this.seatView(id).name));
    return [...listed.values()];
  }

  private seatView(seatId: string): { id: string; name: string } {
    const seat = this.seats.resolve(seatId);
    return { id: seatId, name: seat?.name ?? '' };
  }

  private pushSeat(peer: Peer): void {
    if (!peer.speaksRequests || !peer.seat) return;
    peer.send(encodeRoomMessage({ event: 'seat', data: this.seatView(peer.seat.id) }));
  }

  private isSeatConnected(seatId: string): boolean {
    for (const peer of this.allPeers()) if (peer.seat?.id === seatId) return true;
    return false;
  }

  private *allPeers(): Iterable<Peer> {
    yield* this.peers.board;
    yield* this.peers.control;
  }

  /** Whether the board is locked: then only a facilitator may change it. */
  isLocked(): boolean {
    return this.controlState().locked;
  }

  private controlState(): ReturnType<ControlDoc['state']> {
    return this.controlView().state();
  }

  /** Typed reads and the server's own writes (ORIGIN.server) of the control document. */
  controlView(): ControlDoc {
    if (this.controlDocView?.ydoc !== this.control.ydoc) this.controlDocView = new ControlDoc(this.control.ydoc);
    return this.controlDocView;
  }

  /**
   * Whether a seat from `address` may be stored (SeatBook): twice an address's worth of people
   * (MAX_CONNECTIONS_PER_ROOM_PER_IP: a room behind one NAT arriving, laptops and phones) at once,
   * then an address's worth an hour. A client reconnecting with a fresh secret (or none, voting
   * each time) stores no more.
   */
  private mayStoreNewSeat(address: string | undefined): boolean {
    if (address === undefined) return true;
    let budget = this.newSeatBudgets.get(address);
    if (!budget) {
      const perHour = this.limits.maxConnectionsPerRoomPerIp;
      budget = new TokenBucket({ capacity: 2 * perHour, refill: perHour, everyMs: 3_600_000, charging: 'prepaid' });
      this.newSeatBudgets.set(address, budget);
    }
    return budget.take(1) === 0;
  }

  /** Bytes the board may still grow by before MAX_DOC_BYTES, measured as an update's check does (compacted first when it looks full). */
  boardHeadroom(): number {
    if (this.board.approximateBytes() > this.limits.maxDocBytes) this.board.compact();
    return this.limits.maxDocBytes - this.board.approximateBytes();
  }

  /** Typed reads of the board (candidates, key results) for the votes. */
  boardView(): BoardDoc {
    if (this.boardDocView?.ydoc !== this.board.ydoc) this.boardDocView = new BoardDoc(this.board.ydoc);
    return this.boardDocView;
  }

  /** The people here now, one per seat (see peopleHere for who counts). */
  people(): RoomPerson[] {
    const connections = [];
    for (const peer of this.allPeers()) {
      const seat = peer.seat ? this.seats.resolve(peer.seat.id) : undefined;
      if (!seat) continue;
      connections.push({ seatId: seat.id, name: seat.name, role: peer.role, showsPresence: this.presenceOwners.showsAny(peer) });
    }
    return peopleHere(connections);
  }

  /** Presence ids currently shown to the room (for tests and diagnostics). */
  presenceIds(): number[] {
    return [...this.awareness.getStates().keys()];
  }

  connectionsOf(name: DocName): ReadonlySet<Peer> {
    return this.peers[name];
  }

  /** Flushes, compacts and frees the room; the caller has closed its connections. */
  unload(): void {
    this.anonymous.close();
    this.board.compact();
    this.control.compact();
    this.privateDoc.compact();
    this.discard();
  }

  /** Frees the room without storing anything (shared mode, after a failed commit: its copy may hold uncommitted updates). */
  discard(): void {
    this.anonymous.stop();
    this.awareness.off('update', this.onPresence);
    clearTimeout(this.presenceTimer);
    this.awareness.destroy();
    this.board.destroy();
    this.control.destroy();
    this.privateDoc.destroy();
  }

  private answerSyncRequest(peer: Peer, stateVector: Uint8Array): void {
    const relay = this.doc(peer.docName);
    // Nothing leaves the server before the store has it.
    peer.send(relay.syncStep2(stateVector));
  }

  /**
   * A write the peer may make is applied; one it may not is dropped. A participant's board edit that
   * meets the lock keeps its connection (closing it made clients reconnect in a loop): the server
   * tells the writer once and asks for its held edits with sync step 1 when the board unlocks.
   */
  private receiveUpdate(peer: Peer, update: Uint8Array): void {
    const wasLocked = this.isLocked();
    if (mayWrite(peer.role, peer.docName, wasLocked)) {
      this.applyUpdate(peer, update);
      if (wasLocked && !this.isLocked()) this.askForHeldEdits();
      return;
    }
    this.metrics.dropped();
    if (!refusalMayHaveRacedTheLock(peer.role, peer.docName) || this.heldByLock.has(peer) || !bringsNews(this.board.ydoc, update)) return;
    this.heldByLock.add(peer);
    peer.send(encodePermissionDenied(LOCKED_REASON));
  }

  /** Each writer the lock refused answers our state vector with what it kept, which now applies. */
  private askForHeldEdits(): void {
    for (const peer of this.heldByLock) peer.send(this.board.syncStep1());
    this.heldByLock.clear();
  }

  /**
   * Applies a peer's update, then (at the end of this turn) stores and broadcasts it. An update
   * that would grow the document past its limit throws DocTooLargeError; one that does not apply
   * cleanly throws UpdateRejectedError and changes nothing.
   */
  private applyUpdate(peer: Peer, update: Uint8Array): void {
    const relay = this.doc(peer.docName);
    if (relay.approximateBytes() + update.byteLength > this.limits.maxDocBytes) {
      // Deletions are stored as more log entries until the next compaction; fold them in first.
      relay.compact();
      const limit = sizeLimitFor(peer.role, update, this.limits.maxDocBytes);
      if (relay.approximateBytes() + update.byteLength > limit) throw new DocTooLargeError();
    }
    // Decoded once for every check below (each decoded it again: a profile of scenario 1 showed three decodes per update).
    const decoded = decodeClientUpdate(update);
    if (!decoded) throw new UpdateRejectedError('undecodable');
    const writers = this.checkWriters(peer, decoded);
    if (peer.docName === 'board') {
      this.history.beforeBoardUpdate(decoded);
      relay.apply(update, peer, boardWriteGuard(peer.role, this.boardView()), decoded);
    } else {
      const before = this.controlState();
      relay.apply(update, peer, undefined, decoded);
      this.history.afterControlUpdate(before);
      this.votes.afterControlChange(before, this.controlState());
      this.anonymous.followControl();
    }
    this.claim(peer, writers);
  }

  /**
   * The Yjs client ids an update writes under, once checked: each must be free or the writer's
   * seat's. Throws ForeignClientIdError for an id another seat (or the server) owns: that person's
   * next edits would reuse the clocks and be ignored everywhere (issue 14).
   */
  private checkWriters(peer: Peer, update: DecodedUpdate): number[] {
    // Looked up per client id the update names, not by encoding the whole state vector per update (a profile of scenario 1 showed it).
    const writers = writersOf(update, this.stateOf[peer.docName]);
    this.checkClaims(peer, writers);
    return writers;
  }

  /** Throws ForeignClientIdError unless the peer's seat may use every id, claiming a few new ones at most. */
  private checkClaims(peer: Peer, clientIds: readonly number[]): void {
    const seatId = this.seatIdOf(peer);
    let fresh = 0;
    for (const clientId of clientIds) {
      const owner = this.clientIds.ownerOf(clientId);
      if (owner === undefined) fresh++;
      else if (!this.clientIds.mayUse(clientId, seatId)) throw new ForeignClientIdError(`client id ${clientId} belongs to ${owner === SERVER_OWNER ? 'the server' : 'another seat'}`);
    }
    if ((this.claimedBy.get(peer) ?? 0) + fresh > MAX_CLIENT_IDS_PER_CONNECTION) throw new ForeignClientIdError('too many Yjs client ids on one connection');
  }

  /** Gives the peer's seat the ids it used that nobody owned. */
  private claim(peer: Peer, clientIds: readonly number[]): void {
    this.claimedBy.set(peer, (this.claimedBy.get(peer) ?? 0) + this.clientIds.claim(clientIds, this.seatIdOf(peer)));
  }

  /** The seat that counts for the peer (after merges). */
  private seatIdOf(peer: Peer): string {
    if (!peer.seat) throw new Error('a connection writes before it was given a seat');
    return this.seats.resolve(peer.seat.id)?.id ?? peer.seat.id;
  }

  /** Applies the entries of a peer's presence update it may apply; every entry is decoded first, so a bad one refuses the whole message. */
  private applyPresence(peer: Peer, update: Uint8Array): void {
    const decoded = decodePresence(update);
    const sizes = checkPresenceSize(decoded, this.limits.maxPresenceBytes);
    // Presence under an id another seat owns is dropped, set or clear: a newer clock on Ana's id
    // must neither rename her nor reach her own client, which would adopt it.
    const seatId = this.seatIdOf(peer);
    const own = decoded.filter((entry) => this.clientIds.mayUse(entry.clientId, seatId));
    const wasShown = this.presenceOwners.showsAny(peer);
    const entries = this.presenceOwners.admit(peer, own, this.knownPresence);
    if (entries.length === 0) return;
    const shown = entries.filter((entry) => entry.state !== null).map((entry) => entry.clientId);
    this.checkClaims(peer, shown);
    this.claim(peer, shown);
    const seat = { id: seatId, name: this.seats.resolve(seatId)?.name ?? '', role: peer.role };
    const stamped = entries.map((entry) => ({ ...entry, state: stampPresence(entry.state, seat) }));
    for (const entry of entries) this.presenceBytes.set(entry.clientId, sizes.get(entry.clientId) ?? 0);
    showPresence(this.awareness, stamped, peer);
    // Showing presence makes a connection someone the room counts (peopleHere).
    if (!wasShown && this.presenceOwners.showsAny(peer)) this.peopleChanged();
  }

  /** What awareness holds of a presence id; one function for the room, not a closure per presence update (tsx names each one it makes). */
  private readonly knownPresence = (clientId: number) => ({ clock: this.awareness.meta.get(clientId)?.clock ?? 0, shown: this.awareness.states.has(clientId) });

  /** Each document's clock per client id, read from whichever Y.Doc it holds now (RelayDoc rebuilds it after a refused update). */
  private readonly stateOf: Record<DocName, { get: (clientId: number) => number }> = {
    board: { get: (clientId) => Y.getState(this.board.ydoc.store, clientId) },
    control: { get: (clientId) => Y.getState(this.control.ydoc.store, clientId) },
  };

  /** Calls `listener` with the ids of every presence broadcast from now on; returns the way to stop. */
  onPresenceSent(listener: (ids: readonly number[]) => void): () => void {
    this.presenceSentListeners.add(listener);
    return () => this.presenceSentListeners.delete(listener);
  }

  private sendPresenceSnapshot(peer: Peer): void {
    const greeting = this.presenceWire.greetingMessage();
    if (greeting) peer.send(greeting);
  }

  /**
   * Awareness keeps the clock of every id it has seen, so that a late copy of an old state cannot
   * bring a departed person back: stock clients echo every presence update they receive, and an
   * echo can arrive after the removal. Clocks of ids gone for a while are only memory; forget them
   * once they pile up.
   */
  private forgetOldPresenceClocks(now = Date.now()): void {
    const { meta, states } = this.awareness;
    if (meta.size < 2 * states.size + 64 || now - this.lastClockSweep < PRESENCE_CLOCK_TTL_MS / 6) return;
    this.lastClockSweep = now;
    for (const [id, { lastUpdated }] of meta) {
      if (!states.has(id) && !this.presenceOwners.isOwned(id) && now - lastUpdated > PRESENCE_CLOCK_TTL_MS) meta.delete(id);
    }
  }

  private broadcast(name: DocName, message: Uint8Array, kind: 'update' | 'presence'): void {
    for (const peer of this.peers[name]) peer.send(message);
    this.metrics.broadcast(kind);
  }

  private readonly onPresence = (change: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of change.added) this.changedPresence.add(id);
    for (const id of change.updated) this.changedPresence.add(id);
    for (const id of change.removed) this.changedPresence.add(id);
    this.presenceWire.changed(change.removed);
    if (!this.presenceFlushScheduled) {
      this.presenceFlushScheduled = true;
      this.atTurnEnd(this.flushPresence);
    }
  };

  /**
   * Presence changes of one event-loop turn go out as one message, encoded once, in the turn's
   * corked batch right after its edits: each changed id's newest state, so a cursor moved three
   * times in a turn costs one state, and none overtakes an older one. A sender past its budget
   * (PresenceBudget) has its ids held, the newest state winning, until the budget refills: a fast
   * or bulky sender costs everyone a bounded number of bytes. Departures go out at once.
   */
  private readonly flushPresence = (now = Date.now()): void => {
    this.presenceFlushScheduled = false;
    if (this.changedPresence.size === 0) return;
    const due: number[] = [];
    let nextDue = Infinity;
    for (const id of this.changedPresence) {
      const sender = this.awareness.states.has(id) ? this.presenceOwners.owner(id) : undefined;
      const wait = sender ? this.presenceBudget.take(sender, this.presenceBytes.get(id) ?? 0, now) : 0;
      if (wait === 0) due.push(id);
      else nextDue = Math.min(nextDue, now + wait);
    }
    for (const id of due) {
      this.changedPresence.delete(id);
      this.presenceBytes.delete(id);
    }
    const ids = due.filter((id) => this.awareness.meta.has(id));
    if (ids.length > 0) {
      this.broadcast('board', encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)), 'presence');
      for (const listener of this.presenceSentListeners) listener(ids);
    }
    if (nextDue < this.presenceTimerDue) {
      clearTimeout(this.presenceTimer);
      this.presenceTimerDue = nextDue;
      this.presenceTimer = setTimeout(() => {
        this.presenceTimerDue = Infinity;
        this.flushPresence();
      }, nextDue - now);
      this.presenceTimer.unref();
    }
  };
}
