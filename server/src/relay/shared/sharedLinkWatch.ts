import type { Logger } from 'pino';
import type { RedisBus } from '../../bus/redisBus.ts';
import type { PgCatalog } from '../../store/postgres/pgCatalog.ts';
import type { RoomKeyRow } from '../../store/roomStore.ts';
import { KEY_WATCH_INTERVAL_MS } from '../watchKeyChanges.ts';
import { credentialOpens, type LinkCredential } from './linkCredential.ts';

/** Rotations commit with the writer's clock (another instance, or `okr links`); look back this far so a slow commit is not missed. */
const LOOK_BACK_MS = 5_000;

/**
 * Rotations in shared mode, whichever instance (or `okr links`) made them. The rotating instance
 * announces the room on the bus so every instance re-reads its keys at once; a periodic query of
 * `keys_changed_at` (as watchKeyChanges does on SQLite) catches rotations whose announcement was
 * lost and those made by the command-line tool. Either way the room's current key row is kept
 * here, and each connection's `stillValid` compares its credential with it, synchronously, when
 * the registry revalidates the room.
 */
export class SharedLinkWatch {
  /** The latest key row of each room rotated while this instance runs (one small entry per such room). */
  private readonly rows = new Map<string, RoomKeyRow>();
  private readonly channel: string;
  private readonly timer: NodeJS.Timeout;
  private seen = Date.now();

  constructor(
    private readonly catalog: PgCatalog,
    private readonly bus: RedisBus,
    private readonly log: Logger,
    /** The registry's: closes the room's connections whose `stillValid` now says no (4410). */
    private readonly revalidate: (roomId: string) => void,
  ) {
    this.channel = bus.channel('links', 'rotated');
    void bus.subscribe(this.channel, (message) => void this.refresh(message.toString()));
    this.timer = setInterval(() => void this.poll(), KEY_WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  /** A connection's check: true until a rotation seen here takes its link away. Admission already checked against PostgreSQL. */
  stillValid(roomId: string, credential: LinkCredential): () => boolean {
    return () => {
      const row = this.rows.get(roomId);
      return row === undefined || credentialOpens(row, credential);
    };
  }

  /** This instance rotated a link of `roomId` (committed): act on it here at once and tell the others. */
  async rotated(roomId: string): Promise<void> {
    this.bus.publish(this.channel, Buffer.from(roomId));
    await this.refresh(roomId);
  }

  stop(): void {
    clearInterval(this.timer);
    this.bus.unsubscribe(this.channel);
  }

  private async refresh(roomId: string): Promise<void> {
    try {
      const row = await this.catalog.keyRow(roomId);
      if (row) this.learn(roomId, row);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, room: roomId }, 'key re-read after a rotation failed; the periodic check retries');
    }
  }

  private async poll(): Promise<void> {
    try {
      for (const { id, at, row } of await this.catalog.keysChangedSince(this.seen - LOOK_BACK_MS)) {
        this.seen = Math.max(this.seen, at);
        const known = this.rows.get(id);
        if (!known || !sameKeys(known, row)) this.learn(id, row);
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'key change check failed');
    }
  }

  private learn(roomId: string, row: RoomKeyRow): void {
    this.rows.set(roomId, row);
    this.revalidate(roomId);
  }
}

function sameKeys(a: RoomKeyRow, b: RoomKeyRow): boolean {
  const same = (x: Buffer | null, y: Buffer | null) => (x === null ? y === null : y !== null && x.equals(y));
  return same(a.facilitatorHash, b.facilitatorHash) && same(a.viewerHash, b.viewerHash) && same(a.participantHash, b.participantHash);
}
