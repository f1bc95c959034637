import * as Y from 'yjs';
import type { Logger } from 'pino';
import { cardIdsOfSnapshot, cardsDeletedBy, ORIGIN, type BoardDoc, type DecodedUpdate } from '@okr/shared/doc';
import type { ControlState } from '@okr/shared/schema';
import type { NewVersion } from '../store/versionStore.ts';
import type { VersionReason } from '../store/versionThinning.ts';
import { versionReason, type RoomEvent } from './versionTriggers.ts';

/**
 * The room's live board, read fresh each time (RelayDoc rebuilds its Y.Doc after a refused update),
 * its control state, and a way to change the board as the server (under its own Yjs client id, stored and broadcast).
 */
export type LiveRoom = { board: () => Y.Doc; controlState: () => ControlState; writeBoardAsServer: (fn: (board: BoardDoc) => void) => void };

/**
 * Where a room's versions are kept: this server's SQLite store (VersionStore, at once) or, in
 * shared mode, PostgreSQL (PgVersions through sharedVersionKeeper, later). A keeper that answers
 * later reports its own failures and never rejects.
 */
export type VersionKeeper = {
  /** The newest version's time, or null when the room has none. */
  newestAt(roomId: string): number | null | Promise<number | null>;
  /**
   * Keeps a version unless `wanted(newestAt)`, asked against the newest version anyone kept, says
   * no; answers the newest version's time afterwards (undefined: not known, a failure).
   */
  keep(roomId: string, version: NewVersion, wanted: (newestAt: number | null) => boolean): number | null | undefined | Promise<number | null | undefined>;
};

export class VersionNotFoundError extends Error {
  override name = 'VersionNotFoundError';
}

/**
 * A loaded room's history: takes versions of the board when versionTriggers.ts says so, and makes
 * restores on the server (for `okr restore`). Versions are written straight to the keeper: they
 * are not part of the sync path, so they wait for no flush. In shared mode every instance holding
 * the room sees the triggers its own people's updates cross; the keeper asks the policy again
 * against the newest version any instance kept, so a busy room gets one periodic version, not one
 * per instance.
 */
export class RoomHistory {
  /** The newest version this room knows of (its own, or the store's); null: none yet. */
  private lastVersionAt: number | null = null;
  private readonly loadedAt: number;
  /** A freshly loaded board may differ from the last version (a crash, the command-line tool). */
  private boardChangedSince = true;
  /** Versions this room asked its keeper for, so only the latest answer is taken as the truth. */
  private takes = 0;

  constructor(
    private readonly roomId: string,
    private readonly versions: VersionKeeper,
    private readonly live: LiveRoom,
    now = Date.now(),
  ) {
    this.loadedAt = now;
    settle(versions.newestAt(roomId), (newest) => this.learn(newest));
  }

  /** Call before a peer's board update (as the room decoded it) is applied: a big deletion or a busy stretch takes a version of the board as it still is. */
  beforeBoardUpdate(update: DecodedUpdate, now = Date.now()): void {
    this.consider({ kind: 'boardUpdate', cardsDeleted: cardsDeletedBy(this.live.board(), update) }, now);
    this.boardChanged();
  }

  /** Call around a control update: a step change or a reveal takes a version. */
  afterControlUpdate(before: ControlState, now = Date.now()): void {
    this.consider({ kind: 'control', before, after: this.live.controlState() }, now);
  }

  /** The board changed by another way than this room's peers (shared mode: another instance's people), so the next trigger has something to keep. */
  boardChanged(): void {
    this.boardChangedSince = true;
  }

  /**
   * Makes the board equal to a stored version (its snapshot) as one forward change by the server,
   * under its own client id, so every client receives it as a normal update and nobody else may
   * write under its id. It does not pass the room's size check: a restore must work on a board
   * that is full (see docs/threat-model.md). The board it replaces is kept as a version first, so
   * the restore can itself be undone from History.
   */
  restore(snapshot: Uint8Array, now = Date.now()): void {
    this.take('restore', now, () => true);
    this.live.writeBoardAsServer((board) => board.restoreFrom(snapshot, ORIGIN.restore));
  }

  private consider(event: RoomEvent, now: number): void {
    const state = { lastVersionAt: this.lastVersionAt, loadedAt: this.loadedAt, boardChangedSince: this.boardChangedSince };
    const reason = versionReason(event, state, now);
    if (!reason) return;
    // Asked again where the versions are kept: another instance may have kept one meanwhile.
    const wanted = (newestAt: number | null) => versionReason(event, { ...state, lastVersionAt: newestAt }, now) !== null;
    // A step change keeps the board as the step it closes left it, and is listed under that step.
    this.take(reason, now, wanted, event.kind === 'control' ? event.before.step : undefined);
  }

  private take(reason: VersionReason, now: number, wanted: (newestAt: number | null) => boolean, step = this.live.controlState().step): void {
    const board = Y.encodeStateAsUpdate(this.live.board());
    // Counted as kept at once, so the updates of this turn do not each ask again while it is written.
    this.lastVersionAt = now;
    this.boardChangedSince = false;
    const take = ++this.takes;
    settle(this.versions.keep(this.roomId, { reason, step, board, cardIds: cardIdsOfSnapshot(board), createdAt: now }, wanted), (newest) => {
      // The keeper's answer is the truth (declined: the other instance's version), unless a later take is under way.
      if (take === this.takes && newest !== undefined) this.lastVersionAt = newest;
      else this.learn(newest);
    });
  }

  /** The store's newest version time, when it is newer than what this room knows. */
  private learn(newest: number | null | undefined): void {
    if (newest !== null && newest !== undefined && (this.lastVersionAt === null || newest > this.lastVersionAt)) this.lastVersionAt = newest;
  }
}

/** Runs `then` with a keeper's answer: at once when it has one (SQLite), when it comes otherwise (PostgreSQL). */
function settle<T>(answer: T | Promise<T>, then: (value: T) => void): void {
  if (answer instanceof Promise) void answer.then(then);
  else then(answer);
}

/** A PostgreSQL-like keeper made a VersionKeeper that logs its failures: a version not kept costs a copy of the board, never an edit. */
export function sharedVersionKeeper(
  store: {
    newestAt(roomId: string): Promise<number | null>;
    add(roomId: string, version: NewVersion, wanted: (newestAt: number | null) => boolean): Promise<{ newestAt: number | null }>;
  },
  log: Logger,
): VersionKeeper {
  return {
    newestAt: (roomId) =>
      store.newestAt(roomId).catch((err: Error) => {
        log.warn({ err: err.message, room: roomId }, 'history: newest version not read');
        return null;
      }),
    keep: (roomId, version, wanted) =>
      store.add(roomId, version, wanted).then(
        (added) => added.newestAt,
        (err: Error) => {
          log.warn({ err: err.message, room: roomId, reason: version.reason }, 'history: version not kept');
          return undefined;
        },
      ),
  };
}
