import pg from 'pg';
import type { Logger } from 'pino';
import { RedisBus } from './bus/redisBus.ts';
import type { StorageMode } from './config.ts';
import { admitShared } from './relay/shared/sharedAdmission.ts';
import { PipelineTrace } from './relay/shared/pipelineTrace.ts';
import { SharedDocs } from './relay/shared/sharedDocs.ts';
import { SharedLinkWatch } from './relay/shared/sharedLinkWatch.ts';
import { SharedRateLimiter } from './relay/shared/sharedRateLimiter.ts';
import { HOUR_MS } from './http/roomCreationGate.ts';
import { SharedPresence } from './relay/shared/sharedPresence.ts';
import { SharedTickets } from './relay/shared/sharedTickets.ts';
import { PgCatalog } from './store/postgres/pgCatalog.ts';
import { PgDocLog } from './store/postgres/pgDocLog.ts';
import { PgVersions } from './store/postgres/pgVersions.ts';
import { RoomHolds } from './store/postgres/pgRoomHolds.ts';
import { PgRetention } from './store/postgres/pgRetention.ts';
import { migrate } from './store/postgres/schema.ts';
import { sharedVersionKeeper, type VersionKeeper } from './relay/roomHistory.ts';

/**
 * A commit not done within this is given up and its rooms dropped (their clients resend elsewhere).
 * Long on purpose: a commit that is only slow (PostgreSQL busy, the machine starved) must not close
 * rooms, and waiting costs nothing the guarantee needs, since nothing of it is broadcast meanwhile
 * and later turns queue up to go in the next commit as one. A PostgreSQL that is down or restarting
 * resets the connection, which fails the commit at once; this bound is for a link that goes silent.
 */
const COMMIT_TIMEOUT_MS = 30_000;
/**
 * Appends are one statement and hold no lock between round trips; compaction and the catalog's
 * transactions do. A frozen instance must not hold those for long: far below COMMIT_TIMEOUT_MS.
 */
const IDLE_IN_TRANSACTION_MS = 2_000;
/** /readyz waits this long for each engine. */
const PROBE_TIMEOUT_MS = 1_000;

export type Readiness = { ready: boolean; checks: Record<string, 'ok' | 'unreachable'> };

export type SharedMode = {
  docs: SharedDocs;
  presence: SharedPresence;
  catalog: PgCatalog;
  docLog: PgDocLog;
  /** The rooms' History (versions), read by the history API on any instance. */
  versions: PgVersions;
  /** The same, as the rooms of this instance keep versions: failures logged, never thrown. */
  history: VersionKeeper;
  /** Rooms idle past ROOM_RETENTION_DAYS and held by no instance, deleted one transaction each. */
  retention: PgRetention;
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
  const poolOptions = (max: number, min: number): pg.PoolConfig => ({
    connectionString: storage.databaseUrl,
    max,
    min,
    // A new session is slow to come (a backend forks) when PostgreSQL's machine is busy, and one
    // not had within 2 s used to fail that turn's commit and close its rooms, as a commit timeout
    // did (BENCHMARKS.md, shared mode). A PostgreSQL that is down refuses at once; /readyz has its own 1 s.
    connectionTimeoutMillis: COMMIT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // An instance paused mid-transaction (SIGSTOP, a long GC, a frozen VM) must not hold locks
    // for everyone: PostgreSQL ends its session, and its commit fails when it wakes.
    options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS} -c statement_timeout=${COMMIT_TIMEOUT_MS}`,
  });
  // Reads (rooms loading, gap fills, head checks, the catalog) share ten sessions, two kept open when idle.
  const pool = new pg.Pool(poolOptions(10, 2));
  // Commits have a session of their own (one is in flight per instance): a slow PostgreSQL queues
  // reads, and a commit waiting behind them in one pool is every edit of the instance waiting.
  const appendPool = new pg.Pool(poolOptions(1, 1));
  // An idle client whose server went away emits here; without a listener it would crash the process.
  for (const p of [pool, appendPool]) p.on('error', (err) => log.warn({ err: err.message }, 'postgres connection lost'));
  await migrate(pool);
  const bus = new RedisBus(storage.redisUrl, log);
  bus.start().catch((err: Error) => log.warn({ err: err.message }, 'redis not reachable yet; edits cross instances through the head check until it is'));
  const catalog = new PgCatalog(pool);
  const docLog = new PgDocLog(pool, COMMIT_TIMEOUT_MS, appendPool);
  const docs = new SharedDocs(docLog, bus, log, {
    instanceId: storage.instanceId,
    compactAfterUpdates,
    holds: new RoomHolds(pool, storage.instanceId, log),
    onStoreFailure: (roomIds) => registry.dropRooms(roomIds),
    trace: PipelineTrace.fromEnv(storage.instanceId),
  });
  const versions = new PgVersions(pool);
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
    versions,
    history: sharedVersionKeeper(versions, log),
    retention: new PgRetention(pool),
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
      await Promise.all([pool.end(), appendPool.end()]);
    },
  };
}

async function probePostgres(pool: pg.Pool): Promise<boolean> {
  const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
  return Promise.race([pool.query('SELECT 1').then(() => true, () => false), late]);
}
