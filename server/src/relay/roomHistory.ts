import * as Y from 'yjs';
import { cardIdsOfSnapshot, cardsDeletedBy, ORIGIN, restoreUpdate, type DecodedUpdate } from '@okr/shared/doc';
import type { ControlState } from '@okr/shared/schema';
import type { VersionStore } from '../store/versionStore.ts';
import type { VersionReason } from '../store/versionThinning.ts';
import { versionReason, type RoomEvent } from './versionTriggers.ts';

/** The room's live board, read fresh each time (RelayDoc rebuilds its Y.Doc after a refused update), and its control state. */
export type LiveRoom = { board: () => Y.Doc; controlState: () => ControlState };

export class VersionNotFoundError extends Error {
  override name = 'VersionNotFoundError';
}

/**
 * A loaded room's history: takes versions of the board when versionTriggers.ts says so, and makes
 * restores on the server (for `okr restore`). Versions are written straight to the store: they are
 * not part of the sync path, so they wait for no flush.
 */
export class RoomHistory {
  private lastVersionAt: number | null;
  private readonly loadedAt: number;
  /** A freshly loaded board may differ from the last version (a crash, the command-line tool). */
  private boardChangedSince = true;

  constructor(
    private readonly roomId: string,
    private readonly versions: VersionStore,
    private readonly live: LiveRoom,
    now = Date.now(),
  ) {
    this.lastVersionAt = versions.latest(roomId)?.createdAt ?? null;
    this.loadedAt = now;
  }

  /** Call before a peer's board update (as the room decoded it) is applied: a big deletion or a busy stretch takes a version of the board as it still is. */
  beforeBoardUpdate(update: DecodedUpdate, now = Date.now()): void {
    this.consider({ kind: 'boardUpdate', cardsDeleted: cardsDeletedBy(this.live.board(), update) }, now);
    this.boardChangedSince = true;
  }

  /** Call around a control update: a step change or a reveal takes a version. */
  afterControlUpdate(before: ControlState, now = Date.now()): void {
    this.consider({ kind: 'control', before, after: this.live.controlState() }, now);
  }

  /**
   * Makes the board equal to a stored version as one forward change with the server's origin, so
   * every client receives it as a normal update. It does not pass the room's size check: a restore
   * must work on a board that is full (see docs/threat-model.md). The board it replaces is kept as
   * a version first, so the restore can itself be undone from History.
   */
  restore(versionId: number, now = Date.now()): void {
    const snapshot = this.versions.snapshot(this.roomId, versionId);
    if (!snapshot) throw new VersionNotFoundError(`Room ${this.roomId} has no version ${versionId}.`);
    this.take('restore', now);
    const change = restoreUpdate(this.live.board(), snapshot);
    // Applied like an accepted update: the RelayDoc stores it, then broadcasts it to everyone.
    if (change) Y.applyUpdate(this.live.board(), change, ORIGIN.restore);
  }

  private consider(event: RoomEvent, now: number): void {
    const reason = versionReason(event, { lastVersionAt: this.lastVersionAt, loadedAt: this.loadedAt, boardChangedSince: this.boardChangedSince }, now);
    // A step change keeps the board as the step it closes left it, and is listed under that step.
    if (reason) this.take(reason, now, event.kind === 'control' ? event.before.step : undefined);
  }

  private take(reason: VersionReason, now: number, step = this.live.controlState().step): void {
    const board = Y.encodeStateAsUpdate(this.live.board());
    this.versions.add(this.roomId, { reason, step, board, cardIds: cardIdsOfSnapshot(board), createdAt: now });
    this.lastVersionAt = now;
    this.boardChangedSince = false;
  }
}
