import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoomTarget } from './loadgen/lightClient.ts';
import type { Task, TaskResult, WorkerMessage } from './loadgen/tasks.ts';
import type { Dialect } from './loadgen/wire.ts';
import { startPostgres, startRedis, type Postgres, type RedisServer } from '../helpers/engines.ts';
import { processTree } from './procStats.ts';
import type { SocketWriteTally } from './socketWrites.ts';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const TESTS_DIR = path.resolve(BENCH_DIR, '..');
export const REPO_ROOT = path.resolve(TESTS_DIR, '..');

export type ServerKind = 'ours' | 'shared' | 'reference' | 'hocuspocus' | 'bare' | 'baseline' | 'sharedApart';
/** The servers a full run compares (and the order of every table). */
export const SERVER_KINDS: ServerKind[] = ['ours', 'shared', 'reference', 'hocuspocus', 'bare'];
/**
 * `baseline`, asked for by name only: our single-node server from another checkout (BENCH_BASELINE,
 * the path of its repository root, installed), run exactly as `ours`, so a change and the code it
 * changed meet the same machine in the same round. No verdict reads it.
 * `sharedApart`, asked for by name only (scenarios 1 and 2): shared mode with PostgreSQL and Redis
 * pinned to the load generator's core instead of the instances', standing in for the machines of
 * their own they run on in a deployment (BENCHMARKS.md, "How it measures"). No verdict reads it:
 * the shared-mode targets are judged on `shared`, every process on the server's one core.
 */
export const OPTIONAL_KINDS: ServerKind[] = ['baseline', 'sharedApart'];
/** Shared mode, in either placement. */
export const isShared = (kind: ServerKind) => kind === 'shared' || kind === 'sharedApart';

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours',
  shared: 'ours, shared mode (2 instances)',
  reference: '@y/websocket-server',
  hocuspocus: 'Hocuspocus',
  bare: 'bare ws (ceiling)',
  baseline: 'ours at BENCH_BASELINE',
  sharedApart: "ours, shared mode, PostgreSQL and Redis off the instances' core",
};

const DIALECT: Record<ServerKind, Dialect> = { ours: 'yws', shared: 'yws', reference: 'yws', hocuspocus: 'hocuspocus', bare: 'bare', baseline: 'yws', sharedApart: 'yws' };

/** Shared mode in the benchmarks: this many instances of our server on one PostgreSQL and one Redis, clients spread over them. */
export const SHARED_INSTANCES = 2;
/** Our server, single-node or shared (or another checkout's): the kinds that run server/src/main.ts. */
const isOurs = (kind: ServerKind) => kind === 'ours' || isShared(kind) || kind === 'baseline';

/** The repository root of the baseline checkout (BENCH_BASELINE), checked before anything runs. */
export function baselineRoot(): string {
  const root = process.env.BENCH_BASELINE;
  if (!root) throw new Error('the baseline server needs BENCH_BASELINE=<another checkout of this repository, installed>');
  const main = path.join(root, 'server/src/main.ts');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(root, 'node_modules'))) throw new Error(`BENCH_BASELINE=${root}: no server/src/main.ts or no node_modules there (run pnpm install in it)`);
  return path.resolve(root);
}

/**
 * Our server's limits, raised for the benchmark (BENCHMARKS.md says so): every benchmark client
 * comes from 127.0.0.1 (so the per-address limits are raised too), scenario 4 puts 500 clients in one room, and rooms unload after 1 s instead
 * of 30 s so scenarios 5 and 6 need not wait.
 */
export const OUR_BENCH_ENV: Record<string, string> = {
  MAX_CONNECTIONS_PER_IP_PER_MINUTE: '1000000',
  MAX_CONNECTIONS_PER_ROOM: '100000',
  MAX_CONNECTIONS_PER_ROOM_PER_IP: '100000',
  MAX_ROOMS_LOADED_PER_IP: '100000',
  MAX_ROOMS_CREATED_PER_IP_PER_HOUR: '1000000',
  MAX_EDIT_BYTES_PER_MINUTE: '1000000000',
  ROOM_IDLE_MS: '1000',
  LOG_LEVEL: 'warn',
};

/**
 * taskset prefixes: the server on core 0, the load generator on core 1, when there are two cores.
 * `BENCH_PINNING=none` leaves every process to the scheduler (a run to compare placements, never the verdicts' run).
 */
export function pinning(): { server: string[]; generator: string[]; note: string } {
  if (process.env.BENCH_PINNING === 'none') return { server: [], generator: [], note: 'not pinned (BENCH_PINNING=none)' };
  let taskset: boolean;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    taskset = true;
  } catch {
    taskset = false;
  }
  if (!taskset || os.cpus().length < 2) return { server: [], generator: [], note: 'not pinned (taskset or a second core missing)' };
  return { server: ['taskset', '-c', '0'], generator: ['taskset', '-c', '1'], note: 'server pinned to core 0, load generator to core 1 (taskset)' };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function spawnPinned(prefix: string[], args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const [command, ...rest] = prefix.length > 0 ? [...prefix, process.execPath, ...args] : [process.execPath, ...args];
  return spawn(command!, rest, { ...options, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
}

type Eld = { p50: number; p99: number; max: number };

/** One server under test, as its own process, with the probe preloaded. */
export class ServerUnderTest {
  private output = '';
  private readonly waiting = new Map<string, (value: unknown) => void>();
  /** Shared mode: the other instances (this one is the first), and PostgreSQL and Redis under them. */
  peers: ServerUnderTest[] = [];
  engines: { postgres: Postgres; redis: RedisServer } | null = null;

  private constructor(
    readonly kind: ServerKind,
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.on('message', (m: { probe: string }) => {
      this.waiting.get(m.probe)?.(m);
      this.waiting.delete(m.probe);
    });
  }

  get dialect(): Dialect {
    return DIALECT[this.kind];
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Every process of this server: for shared mode also the other instances, PostgreSQL (with its backends) and Redis. */
  get pids(): number[] {
    const engines = [this.engines?.postgres.pid(), this.engines?.redis.pid()].filter((pid): pid is number => pid !== undefined);
    return [this.pid, ...this.peers.map((p) => p.pid), ...engines.flatMap(processTree)];
  }

  /** Shared mode: the same processes by part (empty for one process), so a run can say where its CPU went. */
  pidsByPart(): Record<string, () => number[]> {
    const engines = this.engines;
    if (!engines) return {};
    const tree = (pid: number | undefined) => (pid === undefined ? [] : processTree(pid));
    return { instances: () => [this.pid, ...this.peers.map((p) => p.pid)], postgres: () => tree(engines.postgres.pid()), redis: () => tree(engines.redis.pid()) };
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  static async start(kind: ServerKind, dataDir: string): Promise<ServerUnderTest> {
    return isShared(kind) ? ServerUnderTest.startShared(dataDir, kind === 'sharedApart') : ServerUnderTest.startOne(kind, dataDir);
  }

  /**
   * Shared mode: a throwaway PostgreSQL and Redis (tests/helpers/engines.ts) and SHARED_INSTANCES of
   * our server on them, every process pinned to the server's core, as one single-node server is:
   * the comparison gives both modes the same CPU. `enginesApart`: PostgreSQL and Redis on the load
   * generator's core instead (`sharedApart`).
   */
  private static async startShared(dataDir: string, enginesApart: boolean): Promise<ServerUnderTest> {
    const prefix = enginesApart ? pinning().generator : pinning().server;
    const [postgres, redis] = await Promise.all([startPostgres({ prefix }), startRedis({ prefix })]);
    const instances: ServerUnderTest[] = [];
    try {
      for (let i = 0; i < SHARED_INSTANCES; i++) {
        const dir = path.join(dataDir, `instance-${i + 1}`);
        fs.mkdirSync(dir);
        instances.push(await ServerUnderTest.startOne('shared', dir, { DATABASE_URL: postgres.url, REDIS_URL: redis.url, INSTANCE_ID: `bench-${i + 1}` }));
      }
    } catch (err) {
      await Promise.all(instances.map((i) => i.stop()));
      await Promise.all([postgres.stop(), redis.stop()]);
      throw err;
    }
    const [first, ...peers] = instances;
    first!.peers = peers;
    first!.engines = { postgres, redis };
    return first!;
  }

  private static async startOne(kind: ServerKind, dataDir: string, extraEnv: Record<string, string> = {}): Promise<ServerUnderTest> {
    const port = await freePort();
    const probe = path.join(BENCH_DIR, 'probe.ts');
    // BENCH_TRACE_GC=1: V8 prints every collection with its pause (kept by BENCH_SERVER_LOG), to tell GC pauses apart in a p99.
    const traceGc = process.env.BENCH_TRACE_GC ? ['--trace-gc'] : [];
    const node = (entry: string) => ['--expose-gc', ...traceGc, '--import', 'tsx', '--import', probe, entry];
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
    const pin = pinning().server;
    let child: ChildProcess;
    switch (kind) {
      case 'ours':
      case 'shared':
      case 'sharedApart':
        child = spawnPinned(pin, node(path.join(REPO_ROOT, 'server/src/main.ts')), { cwd: REPO_ROOT, env: { ...env, ...OUR_BENCH_ENV, ...extraEnv } });
        break;
      case 'baseline': {
        // From its own root, so tsx and every dependency resolve in that checkout.
        const root = baselineRoot();
        child = spawnPinned(pin, node(path.join(root, 'server/src/main.ts')), { cwd: root, env: { ...env, ...OUR_BENCH_ENV } });
        break;
      }
      case 'reference':
        // Its own bin, with its own persistence (YPERSISTENCE: y-leveldb), as its README runs it.
        child = spawnPinned(pin, node(path.join(TESTS_DIR, 'node_modules/@y/websocket-server/src/server.js')), {
          cwd: TESTS_DIR,
          env: { ...env, YPERSISTENCE: path.join(dataDir, 'leveldb') },
        });
        break;
      case 'hocuspocus':
        child = spawnPinned(pin, node(path.join(BENCH_DIR, 'servers/hocuspocus.ts')), { cwd: TESTS_DIR, env });
        break;
      case 'bare':
        child = spawnPinned(pin, node(path.join(BENCH_DIR, 'servers/bare.ts')), { cwd: TESTS_DIR, env });
        break;
    }
    const server = new ServerUnderTest(kind, child, port, dataDir);
    await server.waitUntilUp();
    return server;
  }

  private async waitUntilUp(): Promise<void> {
    const started = Date.now();
    // Shared mode: /readyz, which answers only once PostgreSQL and Redis are reachable.
    const url = this.kind === 'ours' || this.kind === 'baseline' ? `${this.httpUrl}/healthz` : this.kind === 'shared' ? `${this.httpUrl}/readyz` : `${this.httpUrl}/`;
    while (Date.now() - started < 30_000) {
      if (this.child.exitCode !== null) throw new Error(`${this.kind} exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${this.kind} did not start within 30 s:\n${this.output}`);
  }

  /** A request to the probe; a server too busy to answer its IPC within a minute fails the run. */
  private ask<T>(request: { probe: string } & Record<string, unknown>): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind}: probe did not answer ${request.probe}`)), 60_000);
      this.waiting.set(request.probe, (value) => {
        clearTimeout(timer);
        resolve(value as T);
      });
      this.child.send(request);
    });
  }

  /** Event-loop delay since the last reset (ms above the probe's 10 ms resolution); shared mode: the worst instance's. */
  async eventLoop(reset: boolean): Promise<Eld> {
    return worstOf(await Promise.all([this, ...this.peers].map((s) => s.ask<Eld>({ probe: 'eld', reset }))));
  }

  /** Writes per client socket per turn since the last reset (socketWrites.ts); shared mode: every instance's, added up. */
  async socketWrites(reset: boolean): Promise<SocketWriteTally> {
    const all = await Promise.all([this, ...this.peers].map((s) => s.ask<SocketWriteTally>({ probe: 'writes', reset })));
    return all.reduce((sum, t) => ({
      socketTurns: sum.socketTurns + t.socketTurns,
      writes: sum.writes + t.writes,
      socketTurnsWithMore: sum.socketTurnsWithMore + t.socketTurnsWithMore,
      maxInOneTurn: Math.max(sum.maxInOneTurn, t.maxInOneTurn),
    }));
  }

  memory(gc: boolean): Promise<NodeJS.MemoryUsage> {
    return this.ask({ probe: 'memory', gc });
  }

  /** Starts V8's CPU profiler inside the server. */
  async startProfile(): Promise<void> {
    await this.ask({ probe: 'profile-start' });
  }

  /** Stops it and writes the profile (.cpuprofile JSON) to `file`. */
  async stopProfile(file: string): Promise<boolean> {
    return ((await this.ask({ probe: 'profile-stop', file })) as { written: boolean }).written;
  }

  /** Ours only: its own /metrics, whose event-loop histogram (20 ms resolution) resets on each scrape; shared mode: every instance's, the worst delay and the sum of rooms. */
  async metrics(): Promise<{ eld: Eld; roomsLoaded: number } | null> {
    if (!isOurs(this.kind)) return null;
    if (this.peers.length > 0) {
      const all = await Promise.all([this, ...this.peers].map((s) => s.ownMetrics()));
      return { eld: worstOf(all.map((m) => m.eld)), roomsLoaded: all.reduce((sum, m) => sum + m.roomsLoaded, 0) };
    }
    return this.ownMetrics();
  }

  private async ownMetrics(): Promise<{ eld: Eld; roomsLoaded: number }> {
    const text = await (await fetch(`${this.httpUrl}/metrics`)).text();
    const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
    const ms = (seconds: number) => Math.max(0, Math.round((seconds * 1000 - 20) * 100) / 100);
    return {
      eld: { p50: ms(value('nodejs_eventloop_lag_p50_seconds')), p99: ms(value('nodejs_eventloop_lag_p99_seconds')), max: ms(value('nodejs_eventloop_lag_max_seconds')) },
      roomsLoaded: value('okr_rooms_loaded'),
    };
  }

  /** Rooms for this run: created through the API for ours (connecting never creates one), named for the others. */
  async createRooms(count: number, tag: string): Promise<RoomTarget[]> {
    const rooms: RoomTarget[] = [];
    for (let i = 0; i < count; i++) {
      if (isOurs(this.kind)) {
        const res = await fetch(`${this.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: `Bench ${tag} ${i}` }) });
        if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}`);
        const { roomId } = (await res.json()) as { roomId: string };
        const at = (server: ServerUnderTest) => ({ url: `${server.wsUrl}/sync/${roomId}`, providerBase: `${server.wsUrl}/sync` });
        rooms.push({ ...at(this), roomName: roomId, docName: roomId, ...(this.peers.length ? { elsewhere: this.peers.map(at) } : {}) });
      } else {
        const name = `bench-${tag}-${i}`;
        const url = this.kind === 'hocuspocus' ? this.wsUrl : `${this.wsUrl}/${name}`;
        rooms.push({ url, providerBase: this.wsUrl, roomName: name, docName: name });
      }
    }
    return rooms;
  }

  /** Waits until the server has let go of every room (ours: its metric; the others unload on the last disconnect). */
  async waitUntilRoomsUnloaded(): Promise<void> {
    if (!isOurs(this.kind)) return new Promise((r) => setTimeout(r, 2500));
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      if ((await this.metrics())!.roomsLoaded === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('ours: rooms did not unload within 30 s');
  }

  async stop(): Promise<void> {
    await Promise.all(this.peers.map((p) => p.stop()));
    await this.stopOwn();
    if (this.engines) await Promise.all([this.engines.postgres.stop(), this.engines.redis.stop()]);
  }

  private async stopOwn(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    // BENCH_SERVER_LOG=/path keeps what each server logged (warnings and errors): why a round closed sockets, for example.
    if (process.env.BENCH_SERVER_LOG) fs.appendFileSync(process.env.BENCH_SERVER_LOG, `=== ${this.kind} on port ${this.port}, stopped ${new Date().toISOString()}\n${this.output}\n`);
  }
}

function worstOf(all: Eld[]): Eld {
  return { p50: Math.max(...all.map((e) => e.p50)), p99: Math.max(...all.map((e) => e.p99)), max: Math.max(...all.map((e) => e.max)) };
}

/** The load generator process for one task. `onPhase` runs when it opens and closes its measurement window. */
export async function runGenerator(
  task: Task,
  onPhase: (phase: string, generatorPid: number) => Promise<void> | void = () => {},
  control?: (send: (m: unknown) => void) => void,
): Promise<TaskResult> {
  const child = spawnPinned(pinning().generator, ['--import', 'tsx', path.join(BENCH_DIR, 'loadgen/worker.ts')], { cwd: TESTS_DIR, env: process.env });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    return await new Promise<TaskResult>((resolve, reject) => {
      let phases = Promise.resolve();
      let phaseError: Error | null = null;
      child.on('message', (m: WorkerMessage) => {
        if (m.type === 'phase') {
          phases = phases.then(() => onPhase(m.phase, child.pid!)).catch((err: Error) => void (phaseError ??= err));
        } else if (m.type === 'result') {
          void phases.then(() => (phaseError ? reject(phaseError) : resolve(m.result)));
        } else {
          reject(new Error(`load generator: ${m.message}`));
        }
      });
      child.once('exit', (code) => reject(new Error(`load generator exited with ${code}:\n${output}`)));
      child.send(task);
      control?.((m) => child.send(m as Task));
    });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
