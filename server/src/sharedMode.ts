import pg from 'pg';
import type { Logger } from 'pino';
import { RedisBus } from './bus/redisBus.ts';
import type { StorageMode } from './config.ts';
import { admitShared } from './relay/shared/sharedAdmission.ts';
import { SharedDocs } from './relay/shared/sharedDocs.ts';
import { SharedLinkWatch } from './relay/shared/sharedLinkWatch.ts';
import { SharedRateLimiter } from './relay/shared/sharedRateLimiter.ts';
import { HOUR_MS } from './http/roomCreationGate.ts';
import { SharedPresence } from './relay/shared/sharedPresence.ts';
import { SharedTickets } from './relay/shared/sharedTickets.ts';
import { PgCatalog } from './store/postgres/pgCatalog.ts';
import { PgDocLog } from './store/postgres/pgDocLog.ts';
import { migrate } from './store/postgres/schema.ts';

/** A commit not done within this is given up and its rooms dropped (their clients resend elsewhere). */
const COMMIT_TIMEOUT_MS = 5_000;
/** Shorter than COMMIT_TIMEOUT_MS, so others waiting on a stalled instance's locks still commit in time. */
const IDLE_IN_TRANSACTION_MS = 2_000;
/** /readyz waits this long for each engine. */
const PROBE_TIMEOUT_MS = 1_000;

export type Readiness = { ready: boolean; checks: Record<string, 'ok' | 'unreachable'> };

export type SharedMode = {
  docs: SharedDocs;
  presence: SharedPresence;
  catalog: PgCatalog;
  docLog: PgDocLog;
  tickets: SharedTickets;
  links: SharedLinkWatch;
  /** The per-address limits counted across instances (fixed windows in Redis). */
  limits: { connections: SharedRateLimiter; refusedUpdates: SharedRateLimiter; roomCreation: SharedRateLimiter };
  admit: (url: URL) => ReturnType<typeof admitShared>;
  /** PostgreSQL and Redis both answer: the load balancer's check. */
  readiness: () => Promise<Readiness>;
  close: () => Promise<void>;
};

/**
 * Connects shared mode's engines: PostgreSQL (created tables if missing) for rooms and documents,
 * Redis for the bus. `registry` is the relay's: `dropRooms` when a commit fails, `revalidate` after
 * a rotation made on any instance. `presenceBusBytesPerSecond` bounds each room's presence on the bus.
 */
export async function startSharedMode(
  storage: Extract<StorageMode, { kind: 'shared' }>,
  compactAfterUpdates: number,
  log: Logger,
  registry: { dropRooms: (roomIds: string[]) => void; revalidate: (roomId: string) => void },
  perAddress: { connectionsPerMinute: number; refusedUpdatesPerMinute: number; roomsPerHour: number },
  presenceBusBytesPerSecond: number,
): Promise<SharedMode> {
  const pool = new pg.Pool({
    connectionString: storage.databaseUrl,
    max: 10,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS * 2,
    idleTimeoutMillis: 30_000,
    // An instance paused mid-transaction (SIGSTOP, a long GC, a frozen VM) must not hold head rows
    // locked for everyone: PostgreSQL ends its session, and its commit fails when it wakes.
    options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS} -c statement_timeout=${COMMIT_TIMEOUT_MS}`,
  });
  // An idle client whose server went away emits here; without a listener it would crash the process.
  pool.on('error', (err) => log.warn({ err: err.message }, 'postgres connection lost'));
  await migrate(pool);
  const bus = new RedisBus(storage.redisUrl, log);
  bus.start().catch((err: Error) => log.warn({ err: err.message }, 'redis not reachable yet; edits cross instances through the head check until it is'));
  const catalog = new PgCatalog(pool);
  const docLog = new PgDocLog(pool, COMMIT_TIMEOUT_MS);
  const docs = new SharedDocs(docLog, bus, log, {
    instanceId: storage.instanceId,
    compactAfterUpdates,
    onStoreFailure: (roomIds) => registry.dropRooms(roomIds),
  });
  const presence = new SharedPresence(bus, log, storage.instanceId, presenceBusBytesPerSecond);
  const tickets = new SharedTickets(bus);
  const links = new SharedLinkWatch(catalog, bus, log, (roomId) => registry.revalidate(roomId));
  const limits = {
    connections: new SharedRateLimiter(bus, log, 'connections', perAddress.connectionsPerMinute, 60_000),
    refusedUpdates: new SharedRateLimiter(bus, log, 'refused-updates', perAddress.refusedUpdatesPerMinute, 60_000),
    roomCreation: new SharedRateLimiter(bus, log, 'rooms-created', perAddress.roomsPerHour, HOUR_MS),
  };
  return {
    docs,
    presence,
    catalog,
    docLog,
    tickets,
    links,
    limits,
    admit: (url) => admitShared(url, catalog, tickets, links),
    readiness: async () => {
      const [store, busOk] = await Promise.all([probePostgres(pool), bus.ping(PROBE_TIMEOUT_MS)]);
      return { ready: store && busOk, checks: { store: store ? 'ok' : 'unreachable', bus: busOk ? 'ok' : 'unreachable' } };
    },
    close: async () => {
      await docs.drain();
      docs.stop();
      presence.stop();
      links.stop();
      await bus.close();
      await pool.end();
    },
  };
}

async function probePostgres(pool: pg.Pool): Promise<boolean> {
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([pool.query('SELECT 1').then(() => true, () => false), late]);
}
