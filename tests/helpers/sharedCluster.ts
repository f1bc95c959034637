import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { startBalancer, type Balancer } from './balancer.ts';
import { startPostgres, startRedis, type Postgres, type RedisServer } from './engines.ts';
import { afterAll, beforeAll } from 'vitest';
import { createRoom, killHard, spawnServer, stopServer, tempDataDir, type CreatedRoom, type ServerProcess } from './server.ts';

/** One instance; `dataDir` is its DATA_DIR, which shared mode leaves empty. */
export type Instance = ServerProcess & { id: string; dataDir: string };

/** Several processes start at once on a shared two-core machine: each gets longer than the usual 20 s. */
const INSTANCE_START_MS = 60_000;
/**
 * The fixture's whole start: the engines (initdb, then each engine's own 20 s wait), the instances
 * (in parallel, each within INSTANCE_START_MS) and the room. Longer than the steps inside it, so a
 * slow start fails with the step that was slow (`server did not start in 60000 ms`, `postgres did
 * not come up`) rather than an anonymous hook timeout: under CI's load three instances started one
 * after another passed a 60 s hook and skipped whole files.
 */
export const CLUSTER_START_MS = 150_000;

export type SharedCluster = {
  postgres: Postgres;
  redis: RedisServer;
  instances: Instance[];
  /** Every new connection goes to the next live instance in turn. */
  balancer: Balancer;
  /** Starts one more instance (and puts it behind the balancer). */
  addInstance: (env?: Record<string, string>) => Promise<Instance>;
  /** SIGKILLs an instance and takes it out of the balancer. */
  kill: (instance: Instance) => Promise<void>;
  /** The room's board exactly as PostgreSQL holds it (snapshot plus log), read in one statement. */
  storedBoard: (roomId: string) => Promise<BoardDoc>;
  stop: () => Promise<void>;
};

/** Real PostgreSQL and Redis, `count` server processes in shared mode on port 0, and a TCP balancer in front. */
export async function startSharedCluster(count: number, env: Record<string, string> = {}): Promise<SharedCluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const instances: Instance[] = [];
  const balancer = await startBalancer([]);
  const live = () => instances.filter((i) => i.child.exitCode === null && i.child.signalCode === null);
  let started = 0;
  const spawnInstance = async (extra: Record<string, string> = {}): Promise<Instance> => {
    const id = `test-${++started}`;
    const dataDir = tempDataDir('okr-shared-');
    const server = await spawnServer(dataDir, { DATABASE_URL: postgres.url, REDIS_URL: redis.url, INSTANCE_ID: id, ...env, ...extra }, 0, { startTimeoutMs: INSTANCE_START_MS });
    return { ...server, id, dataDir };
  };
  const addInstance = async (extra: Record<string, string> = {}) => {
    const instance = await spawnInstance(extra);
    instances.push(instance);
    balancer.setBackends(live().map((i) => i.port));
    return instance;
  };
  // Together (shared mode's migration takes a lock for that), kept in the order they were asked for.
  instances.push(...(await Promise.all(Array.from({ length: count }, () => spawnInstance()))));
  balancer.setBackends(live().map((i) => i.port));
  return {
    postgres,
    redis,
    instances,
    balancer,
    addInstance,
    kill: async (instance) => {
      await killHard(instance);
      balancer.setBackends(live().map((i) => i.port));
    },
    storedBoard: async (roomId) => {
      const rows = await postgres.query<{ data: Buffer }>(
        `SELECT data FROM (SELECT 0 AS kind, seq, data FROM doc_snapshots WHERE room_id = $1 AND doc = 'board'
           UNION ALL SELECT 1, seq, data FROM doc_log WHERE room_id = $1 AND doc = 'board') r ORDER BY kind, seq`,
        [roomId],
      );
      return new BoardDoc(docFromUpdates(rows.map((r) => new Uint8Array(r.data))));
    },
    stop: async () => {
      await balancer.close();
      await Promise.all(live().map((i) => stopServer(i, 'SIGKILL')));
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}

export type SharedFixture = {
  readonly cluster: SharedCluster;
  readonly room: CreatedRoom;
  /** Wall-clock times just before and just after the room was created (limits count it in its window). */
  readonly roomCreated: { readonly before: number; readonly after: number };
  /** Registers a client (or anything with destroy) to be destroyed before the cluster stops. */
  track: <T extends { destroy: () => void }>(client: T) => T;
};

/** One cluster of `count` instances and one room for the whole file, torn down after its tests. */
export function useSharedCluster(count: number, env: Record<string, string> = {}): SharedFixture {
  let cluster: SharedCluster | undefined;
  let room: CreatedRoom | undefined;
  let roomCreated: { before: number; after: number } | undefined;
  const tracked: { destroy: () => void }[] = [];
  beforeAll(async () => {
    cluster = await startSharedCluster(count, env);
    const before = Date.now();
    room = await createRoom(cluster.instances[0]!.httpUrl, 'Shared workshop');
    roomCreated = { before, after: Date.now() };
  }, CLUSTER_START_MS);
  afterAll(async () => {
    for (const client of tracked) client.destroy();
    await cluster?.stop();
  });
  return {
    get cluster() {
      if (!cluster) throw new Error('the cluster is not started yet');
      return cluster;
    },
    get room() {
      if (!room) throw new Error('the room is not created yet');
      return room;
    },
    get roomCreated() {
      if (!roomCreated) throw new Error('the room is not created yet');
      return roomCreated;
    },
    track: (client) => (tracked.push(client), client),
  };
}
