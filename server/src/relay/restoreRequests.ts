import type { Logger } from 'pino';
import { restoreInStore } from '../store/restoreInStore.ts';
import type { RoomStore } from '../store/roomStore.ts';
import { SERVER_BEAT_MS, type RestoreRequest } from '../store/versionStore.ts';
import type { Room } from './room.ts';
import { VersionNotFoundError } from './roomHistory.ts';

/**
 * Makes the restores `okr restore` asks a running server for, and beats so the tool knows one is
 * running. A request for a loaded room is restored through its Room (the change reaches every
 * client, and the store gets it through the room's own log writes, so nothing races the live
 * document); one for a room not loaded is restored in the store. Each request is claimed first, so
 * it is made once even if the tool gives up waiting and makes it itself, and finished after, with
 * the reason when it could not be made, so the tool never reports a restore that did not happen.
 */
export class RestoreRequests {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: RoomStore,
    private readonly loadedRoom: (roomId: string) => Room | undefined,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), SERVER_BEAT_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.store.versions.stopBeating();
  }

  /** One beat, then every waiting request. */
  tick(): void {
    try {
      this.store.versions.beat();
      for (const request of this.store.versions.pendingRestores()) {
        if (!this.store.versions.claimRestore(request.id)) continue;
        const room = this.loadedRoom(request.roomId);
        try {
          if (room) room.history.restore(this.snapshotOf(request));
          else restoreInStore(this.store, request.roomId, request.versionId);
          this.store.versions.finishRestore(request.id, null);
          this.log.info({ room: request.roomId, version: request.versionId, loaded: room !== undefined }, 'version restored');
        } catch (err) {
          this.store.versions.finishRestore(request.id, (err as Error).message);
          this.log.warn({ err: (err as Error).message, room: request.roomId, version: request.versionId }, 'restore request failed');
        }
      }
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'restore requests could not be read');
    }
  }

  private snapshotOf(request: RestoreRequest): Uint8Array {
    const snapshot = this.store.versions.snapshot(request.roomId, request.versionId);
    if (!snapshot) throw new VersionNotFoundError(`Room ${request.roomId} has no version ${request.versionId}.`);
    return snapshot;
  }
}
