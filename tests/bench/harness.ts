import fs from 'node:fs';
import path from 'node:path';
import type { Scale, ScenarioId } from './config.ts';
import { MachineSampler, ProcessSampler, round1, rssBytes } from './procStats.ts';
import { isShared, REPO_ROOT, runGenerator, ServerUnderTest, tempDir, type ServerKind } from './servers.ts';
import { summariseProfileFile, type ProfileSummary } from './profile.ts';
import { roundOrder, summariseRuns, type Spread } from './stats.ts';
import type { ColdLoadResult, HoldResult, RealtimeResult, SeedResult, StormResult } from './loadgen/tasks.ts';
import { runBoardBench, type BoardBenchResult } from './browser/boardBench.ts';
import { onInstance } from './loadgen/lightClient.ts';
import type { SocketWriteTally } from './socketWrites.ts';
import { lastEditText, orphanRun, seedCatchUp, type OrphanRun } from './sharedScenarios.ts';

type Eld = { p50: number; p99: number; max: number };
/** What the orchestrator measured on the server process during the window. */
export type ServerSide = {
  cpuPercent: number;
  rssMb: number;
  peakRssMb: number;
  eventLoop: Eld;
  metricsEventLoop: Eld | null;
  /** CPU (% of one core) that processes other than the server, the generator and this harness used in the window. */
  outsideCpuPercent: number;
  /** Shared mode: cpuPercent split into the instances, PostgreSQL (with its backends) and Redis, to see what sharing costs where. */
  cpuByPart?: Record<string, number>;
  /** Writes each client socket got per event-loop turn in the window (every server, measured alike by the probe). */
  socketWrites: SocketWriteTally & { perSocketTurn: number };
};

export type RealtimeRun = RealtimeResult & { server: ServerSide };
export type StormRun = StormResult & { server: ServerSide };
export type MemoryCycle = {
  rssBeforeMb: number;
  rssLoadedMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapLoadedMb: number;
  heapAfterMb: number;
  rssPerRoomKb: number;
  heapPerRoomKb: number;
  retainedRssMb: number;
  retainedHeapMb: number;
  failures: number;
};

/** `rounds[kind][i]` is the round (interleaved pass over the servers) that `runs[kind][i]` belongs to; a failed run leaves a gap. */
export type Scenario<R> = { runs: Partial<Record<ServerKind, R[]>>; rounds?: Partial<Record<ServerKind, number[]>>; summary: Partial<Record<ServerKind, Record<string, Spread>>>; notes: string[] };
export type WritersScenario = { levels: Record<number, Scenario<RealtimeRun>>; skipped: Partial<Record<ServerKind, number>> };

export type BenchResults = {
  oneRoom?: Scenario<RealtimeRun>;
  manyRooms?: Scenario<RealtimeRun>;
  writers?: WritersScenario;
  storm?: Scenario<StormRun>;
  /** The cursor scenario, and the same room without cursors (the edit baseline). */
  cursors?: { withCursors: Scenario<RealtimeRun>; withoutCursors: Scenario<RealtimeRun> };
  coldLoad?: Scenario<ColdLoadResult> & { seed: Partial<Record<ServerKind, SeedResult>> };
  memory?: Scenario<MemoryCycle>;
  browser?: BoardBenchResult;
  /** Shared mode: loads of a room of a snapshot plus each count of log rows, by count. */
  catchUp?: { snapshotCards: number; levels: Record<number, { runs: ColdLoadResult[]; summary: Record<string, Spread> }>; notes: string[] };
  /** Shared mode: one instance killed under its clients, once per round. */
  orphans?: Scenario<OrphanRun>;
  /** Scenarios that failed as a whole, with why. */
  errors?: string[];
};

export type BenchOptions = {
  scale: Scale;
  servers: ServerKind[];
  scenarios: ScenarioId[];
  log: (line: string) => void;
  /** Called after each scenario with everything so far, so a failure later loses nothing. */
  progress?: (results: BenchResults) => void;
  /** How many disturbed runs may be repeated in all (default 20; the test suite uses 0). */
  repeatBudget?: number;
};

/** Starts a fresh server process, hands it to `body`, and always stops it and removes its data. */
async function withServer<T>(kind: ServerKind, body: (server: ServerUnderTest) => Promise<T>): Promise<T> {
  const dataDir = tempDir(`okr-bench-${kind}-`);
  const server = await ServerUnderTest.start(kind, dataDir);
  try {
    return await body(server);
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * CPU, memory and event-loop delay of the server over the generator's measurement window, and the
 * CPU that other work on the machine took meanwhile; with `profileTo`, also a CPU profile of the
 * window written to that file.
 */
function windowProbe(server: ServerUnderTest, profileTo?: string) {
  const sampler = new ProcessSampler(() => server.pids);
  const parts = Object.entries(server.pidsByPart()).map(([part, pids]) => [part, new ProcessSampler(pids)] as const);
  let machine: MachineSampler | null = null;
  let side: ServerSide | null = null;
  return {
    onPhase: async (phase: string, generatorPid: number) => {
      // The /proc samplers first: a saturated server may take seconds to answer the probe's IPC.
      if (phase === 'window-start') {
        sampler.start();
        for (const [, part] of parts) part.start();
        machine = new MachineSampler([...server.pids, generatorPid, process.pid]);
        await server.eventLoop(true);
        await server.socketWrites(true);
        await server.metrics();
        // Shared mode: every instance profiled, each to its own file (`<profileTo>` for the first, `-2`, … for the others).
        if (profileTo) await Promise.all(instancesOf(server).map((s) => s.startProfile()));
      } else if (phase === 'window-end') {
        const usage = sampler.stop();
        const cpuByPart = parts.length > 0 ? Object.fromEntries(parts.map(([name, part]) => [name, part.stop().cpuPercent])) : undefined;
        const { outsidePercent } = machine!.stop();
        if (profileTo) await Promise.all(instancesOf(server).map((s, i) => s.stopProfile(i === 0 ? profileTo : profileTo.replace(/\.cpuprofile$/, `-${i + 1}.cpuprofile`))));
        const eventLoop = await server.eventLoop(true);
        const writes = await server.socketWrites(true);
        const socketWrites = { ...writes, perSocketTurn: writes.socketTurns > 0 ? Math.round((writes.writes / writes.socketTurns) * 1000) / 1000 : 0 };
        const metricsEventLoop = (await server.metrics())?.eld ?? null;
        side = { ...usage, eventLoop, metricsEventLoop, outsideCpuPercent: outsidePercent, socketWrites, ...(cpuByPart && { cpuByPart }) };
      }
    },
    result: (): ServerSide => {
      if (!side) throw new Error('the measurement window never closed');
      return side;
    },
  };
}

/** The processes of our server that run our code: one, or every shared-mode instance. */
function instancesOf(server: ServerUnderTest): ServerUnderTest[] {
  return [server, ...server.peers];
}

type RealtimeShape = { rooms: number; clientsPerRoom: number; editsPerSecond: number; presencePerSecond: number; editors?: number; measureMs?: number };

async function realtimeRun(kind: ServerKind, shape: RealtimeShape, scale: Scale, tag: string, profileTo?: string): Promise<RealtimeRun> {
  return withServer(kind, async (server) => {
    const rooms = await server.createRooms(shape.rooms, tag);
    const probe = windowProbe(server, profileTo);
    const result = (await runGenerator(
      {
        kind: 'realtime',
        dialect: server.dialect,
        rooms,
        clientsPerRoom: shape.clientsPerRoom,
        editsPerSecond: shape.editsPerSecond,
        presencePerSecond: shape.presencePerSecond,
        editors: shape.editors,
        connectSpreadMs: scale.realtime.connectSpreadMs,
        warmupMs: scale.realtime.warmupMs,
        measureMs: shape.measureMs ?? scale.realtime.measureMs,
        drainTimeoutMs: scale.realtime.drainTimeoutMs,
        observerRooms: shape.rooms === 1 ? 1 : Math.min(4, shape.rooms),
        observersPerRoom: shape.rooms === 1 ? 2 : 1,
        lateJoiner: kind !== 'bare',
      },
      probe.onPhase,
    )) as RealtimeResult;
    return { ...result, server: probe.result() };
  });
}

/** The load of scenarios 1, 2 and 3 (with `writers` clients). */
function shapeFor(id: 'oneRoom' | 'manyRooms' | 'writers', scale: Scale, writers = 0): RealtimeShape {
  if (id === 'oneRoom') return { rooms: 1, clientsPerRoom: scale.oneRoom.clients, editsPerSecond: scale.oneRoom.editsPerSecond, presencePerSecond: scale.oneRoom.presencePerSecond };
  if (id === 'manyRooms') {
    const m = scale.manyRooms;
    return { rooms: m.rooms, clientsPerRoom: m.clientsPerRoom, editsPerSecond: m.editsPerSecond, presencePerSecond: m.presencePerSecond };
  }
  return { rooms: 1, clientsPerRoom: writers, editsPerSecond: scale.writers.editsPerSecond, presencePerSecond: 0, measureMs: scale.writers.measureMs };
}

/** The cursor scenario's room: everyone moving a cursor, some editing. */
function cursorShape(scale: Scale): RealtimeShape {
  const c = scale.cursors;
  return { rooms: 1, clientsPerRoom: c.clients, editsPerSecond: c.editsPerSecond, presencePerSecond: c.cursorsPerSecond, editors: c.editors };
}

async function stormRun(kind: ServerKind, scale: Scale, tag: string, profileTo?: string): Promise<StormRun> {
  const s = scale.storm;
  return withServer(kind, async (server) => {
    const [room] = await server.createRooms(1, tag);
    const probe = windowProbe(server, profileTo);
    const result = (await runGenerator({ kind: 'storm', dialect: server.dialect, room: room!, clients: s.clients, spreadMs: s.spreadMs, timeoutMs: s.timeoutMs }, probe.onPhase)) as StormResult;
    return { ...result, server: probe.result() };
  });
}

export type ProfiledScenario = 'oneRoom' | 'manyRooms' | 'writers' | 'storm' | 'cursors';
/** `profile`: the first instance's; `instances`: shared mode, every instance's in order (the first included). */
export type ProfiledRun = { scenario: string; run: RealtimeRun | StormRun; profile: ProfileSummary | null; instances?: (ProfileSummary | null)[] };

/**
 * One more run of a scenario on our server (`kind` ours, or shared for scenarios 1 and 2) with V8's
 * CPU profiler on over the window, summarised to its busiest frames; shared mode profiles each instance.
 */
export async function profileOurs(id: ProfiledScenario, scale: Scale, writers = 0, kind: 'ours' | 'shared' = 'ours'): Promise<ProfiledRun> {
  const dir = tempDir('okr-bench-profile-');
  try {
    const file = path.join(dir, 'window.cpuprofile');
    const run =
      id === 'storm' ? await stormRun(kind, scale, 'profile', file) : await realtimeRun(kind, id === 'cursors' ? cursorShape(scale) : shapeFor(id, scale, writers), scale, 'profile', file);
    const raws = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
    const name = `${kind === 'shared' ? 'shared-' : ''}${id}`;
    // KEEP_PROFILE=/some/prefix keeps the raw profiles (<prefix>-<scenario>[-<instance>].cpuprofile) for a closer look than the summary gives.
    if (process.env.KEEP_PROFILE) for (const raw of raws) fs.copyFileSync(path.join(dir, raw), `${process.env.KEEP_PROFILE}-${name}${raw.slice('window'.length)}`);
    const summaries = raws.map((raw) => summariseProfileFile(path.join(dir, raw), REPO_ROOT, 'server/src'));
    return { scenario: id === 'writers' ? `writers/${writers}` : name, run, profile: summaries[0] ?? null, ...(kind === 'shared' && { instances: summaries }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function emptyScenario<R>(): Scenario<R> {
  return { runs: {}, rounds: {}, summary: {}, notes: [] };
}

/** Other work on the machine above this (% of one core) during a run's window makes the run repeat. */
export const OUTSIDE_CPU_LIMIT = 25;
const MAX_ATTEMPTS = 3;
/** Repeats left in this bench run, so a machine that never quietens cannot triple its length. */
const repeats = { left: 0 };
const REPEAT_BUDGET = 20;
const outside = (result: object) => (result as { server?: ServerSide }).server?.outsideCpuPercent ?? 0;

/**
 * Runs are interleaved in rounds (run 1 of every server, then run 2, …) so slow drift on the machine
 * hits all alike, and verdicts compare servers within a round (targets.ts). Each round starts with
 * the next server (roundOrder), so no server always runs first.
 */
async function repeated<R extends object>(
  servers: ServerKind[],
  runs: number,
  log: (line: string) => void,
  label: string,
  once: (kind: ServerKind, run: number) => Promise<R>,
): Promise<Scenario<R>> {
  const scenario = emptyScenario<R>();
  for (let run = 0; run < runs; run++) {
    for (const kind of roundOrder(servers, run)) {
      const started = Date.now();
      try {
        // A run that other work on the machine disturbed is repeated (up to twice); the least disturbed one counts.
        let result = await once(kind, run);
        let last = result;
        for (let attempt = 2; attempt <= MAX_ATTEMPTS && outside(last) > OUTSIDE_CPU_LIMIT && repeats.left > 0; attempt++) {
          repeats.left--;
          log(`  ${label} ${kind} run ${run + 1}: other processes took ${outside(last)}% CPU, repeating`);
          last = await once(kind, run);
          if (outside(last) < outside(result)) result = last;
        }
        (scenario.runs[kind] ??= []).push(result);
        (scenario.rounds![kind] ??= []).push(run);
        log(`  ${label} ${kind} run ${run + 1}/${runs}: ${brief(result)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (err) {
        scenario.notes.push(`${kind} run ${run + 1} failed: ${(err as Error).message.split('\n')[0]}`);
        log(`  ${label} ${kind} run ${run + 1}/${runs} FAILED: ${(err as Error).message}`);
      }
    }
  }
  for (const [kind, list] of Object.entries(scenario.runs)) scenario.summary[kind as ServerKind] = summariseRuns(list as object[]);
  return scenario;
}

/** Adds the runs of a one-round scenario to `into` as round `round`. */
function addRound<R>(into: Scenario<R>, one: Scenario<R>, round: number): void {
  for (const [kind, list] of Object.entries(one.runs) as [ServerKind, R[]][]) {
    (into.runs[kind] ??= []).push(...list);
    (into.rounds![kind] ??= []).push(...list.map(() => round));
  }
  into.notes.push(...one.notes.map((note) => `round ${round + 1}: ${note}`));
}

function brief(result: object): string {
  const r = result as Partial<RealtimeRun & StormRun & ColdLoadResult & MemoryCycle & OrphanRun>;
  if (r.edits) return `p50 ${r.edits.latency.p50} p99 ${r.edits.latency.p99} ms, presence p99 ${r.presence?.latency.p99} ms, ${r.framesPerClientPerSecond} frames/s per client, ${r.server?.socketWrites.perSocketTurn} writes per socket-turn (at most ${r.server?.socketWrites.maxInOneTurn}), drops ${r.edits.dropped}${r.disconnects ? ` (sockets closed under ${r.disconnects} clients, ${r.reconnects} reconnects)` : ''}, cpu ${r.server?.cpuPercent}%${r.server?.cpuByPart ? ` (${Object.entries(r.server.cpuByPart).map(([part, cpu]) => `${part} ${cpu}`).join(', ')})` : ''}, gen ${r.generator?.cpuPercent}%, others ${r.server?.outsideCpuPercent}%, ${r.converged ? 'converged' : `NOT converged: ${r.convergence}`}`;
  if (r.connectToSync) return `p50 ${r.connectToSync.p50} p99 ${r.connectToSync.p99} ms, all in ${r.allSyncedMs} ms, failures ${r.failures}, others ${r.server?.outsideCpuPercent}%`;
  if (r.completeMs !== undefined) return `full board in ${r.completeMs} ms (first sync ${r.syncedMs} ms)`;
  if (r.allInSyncMs !== undefined) return `${r.orphans} of ${r.clients} clients orphaned; all in sync ${r.allInSyncMs} ms after the kill (reconnects ${r.reconnectMs?.min}–${r.reconnectMs?.max} ms), ${r.lost} of ${r.written} lost`;
  if (r.rssPerRoomKb !== undefined) return `${r.rssPerRoomKb} KB RSS/room, retained ${r.retainedRssMb} MB`;
  return JSON.stringify(result);
}

export async function runBench({ scale, servers, scenarios, log, progress = () => {}, repeatBudget = REPEAT_BUDGET }: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = {};
  const want = (id: ScenarioId) => scenarios.includes(id);
  // Shared mode (either placement) runs beside the single-node server in scenarios 1 and 2 only, and alone in its own two.
  const single = servers.filter((k) => !isShared(k));
  repeats.left = repeatBudget;
  // Each scenario on its own: one that fails as a whole is recorded, and the others still run.
  const guarded = async (id: ScenarioId, body: () => Promise<void>) => {
    if (!want(id)) return;
    try {
      await body();
    } catch (err) {
      (results.errors ??= []).push(`${id}: ${(err as Error).message.split('\n')[0]}`);
      log(`  ${id} FAILED: ${(err as Error).message}`);
    }
    progress(results);
  };

  await guarded('oneRoom', async () => {
    log(`scenario 1: one room, ${scale.oneRoom.clients} clients`);
    const shape = shapeFor('oneRoom', scale);
    results.oneRoom = await repeated(servers, scale.runs, log, 's1', (kind, run) => realtimeRun(kind, shape, scale, `s1r${run}`));
  });

  await guarded('manyRooms', async () => {
    log(`scenario 2: ${scale.manyRooms.rooms} rooms × ${scale.manyRooms.clientsPerRoom} clients`);
    const shape = shapeFor('manyRooms', scale);
    results.manyRooms = await repeated(servers, scale.runs, log, 's2', (kind, run) => realtimeRun(kind, shape, scale, `s2r${run}`));
  });

  await guarded('writers', async () => {
    const w = scale.writers;
    const writers: WritersScenario = { levels: {}, skipped: {} };
    let active = [...single];
    for (const count of w.counts) {
      if (active.length === 0) break;
      log(`scenario 3: one room, ${count} writers`);
      const shape = shapeFor('writers', scale, count);
      const level = await repeated(active, scale.runs, log, `s3/${count}`, (kind, run) => realtimeRun(kind, shape, scale, `s3w${count}r${run}`));
      writers.levels[count] = level;
      // Once a server's median p99 has passed the threshold, bigger rooms only get worse: skip them.
      active = active.filter((kind) => {
        const p99 = level.summary[kind]?.['edits.latency.p99']?.median ?? Infinity;
        if (p99 <= w.thresholdMs) return true;
        writers.skipped[kind] = count;
        return false;
      });
    }
    results.writers = writers;
  });

  await guarded('storm', async () => {
    const s = scale.storm;
    log(`scenario 4: connect storm, ${s.clients} clients in ${s.spreadMs} ms`);
    results.storm = await repeated(single, scale.runs, log, 's4', (kind, run) => stormRun(kind, scale, `s4r${run}`));
  });

  await guarded('cursors', async () => {
    const c = scale.cursors;
    log(`cursor scenario: one room, ${c.clients} people moving cursors at ${c.cursorsPerSecond}/s, ${c.editors} of them editing at ${c.editsPerSecond}/s`);
    const withCursors = cursorShape(scale);
    const variants = { withCursors, withoutCursors: { ...withCursors, presencePerSecond: 0 } };
    const cursors = { withCursors: emptyScenario<RealtimeRun>(), withoutCursors: emptyScenario<RealtimeRun>() };
    // Round by round, with and without cursors in turn: the edit-cost ratio compares runs minutes apart, not a whole scenario apart.
    for (let round = 0; round < scale.runs; round++) {
      for (const name of ['withCursors', 'withoutCursors'] as const) {
        const label = `${name === 'withCursors' ? 'cursors' : 'no cursors'} round ${round + 1}`;
        const one = await repeated(single, 1, log, label, (kind) => realtimeRun(kind, variants[name], scale, `${name}${round}`));
        addRound(cursors[name], one, round);
      }
    }
    for (const scenario of Object.values(cursors)) {
      for (const [kind, list] of Object.entries(scenario.runs)) scenario.summary[kind as ServerKind] = summariseRuns(list as object[]);
    }
    results.cursors = cursors;
  });

  await guarded('coldLoad', async () => {
    const c = scale.coldLoad;
    const stateful = single.filter((k) => k !== 'bare');
    log(`scenario 5: cold load of ${c.cards} cards`);
    const coldLoad = { ...emptyScenario<ColdLoadResult>(), seed: {} as Partial<Record<ServerKind, SeedResult>> };
    for (const kind of stateful) {
      try {
        await withServer(kind, async (server) => {
          const [room] = await server.createRooms(1, 's5');
          const seed = (await runGenerator({ kind: 'seed', dialect: server.dialect, rooms: [room!], cards: c.cards, parallel: 1 })) as SeedResult;
          coldLoad.seed[kind] = seed;
          for (let load = 0; load < Math.max(c.loads, scale.runs); load++) {
            await server.waitUntilRoomsUnloaded();
            const result = (await runGenerator({ kind: 'coldload', dialect: server.dialect, room: room!, cards: c.cards, timeoutMs: 30_000 })) as ColdLoadResult;
            (coldLoad.runs[kind] ??= []).push(result);
            log(`  s5 ${kind} load ${load + 1}: ${brief(result)}`);
          }
        });
      } catch (err) {
        coldLoad.notes.push(`${kind} failed: ${(err as Error).message.split('\n')[0]}`);
        log(`  s5 ${kind} FAILED: ${(err as Error).message}`);
      }
      if (coldLoad.runs[kind]) coldLoad.summary[kind] = summariseRuns(coldLoad.runs[kind]);
    }
    results.coldLoad = coldLoad;
  });

  await guarded('memory', async () => {
    const m = scale.memory;
    log(`scenario 6: memory, ${m.rooms} rooms of ${m.cardsPerRoom} cards`);
    const memory = emptyScenario<MemoryCycle>();
    for (const kind of single) {
      try {
        await withServer(kind, async (server) => {
          const rooms = await server.createRooms(m.rooms, 's6');
          if (kind !== 'bare') await runGenerator({ kind: 'seed', dialect: server.dialect, rooms, cards: m.cardsPerRoom, parallel: 8 });
          await server.waitUntilRoomsUnloaded();
          const measure = async () => {
            await server.memory(true);
            const heap = await server.memory(true);
            return { rssMb: round1(rssBytes(server.pid) / 2 ** 20), heapMb: round1(heap.heapUsed / 2 ** 20) };
          };
          // Cycle 0 warms up (code paths, allocator pools) and is not counted.
          const cycles = Math.max(m.cycles, scale.runs) + 1;
          for (let cycle = 0; cycle < cycles; cycle++) {
            const before = await measure();
            let loaded = { rssMb: NaN, heapMb: NaN };
            let release: (m: unknown) => void = () => {};
            const hold = (await runGenerator(
              { kind: 'hold', dialect: server.dialect, rooms, spreadMs: 1000, timeoutMs: 30_000 },
              async (phase) => {
                if (phase !== 'loaded') return;
                await new Promise((r) => setTimeout(r, 1000));
                loaded = await measure();
                release({ kind: 'release' });
              },
              (send) => (release = send),
            )) as HoldResult;
            await server.waitUntilRoomsUnloaded();
            await new Promise((r) => setTimeout(r, 1000));
            const after = await measure();
            const result: MemoryCycle = {
              rssBeforeMb: before.rssMb,
              rssLoadedMb: loaded.rssMb,
              rssAfterMb: after.rssMb,
              heapBeforeMb: before.heapMb,
              heapLoadedMb: loaded.heapMb,
              heapAfterMb: after.heapMb,
              rssPerRoomKb: round1(((loaded.rssMb - before.rssMb) * 1024) / rooms.length),
              heapPerRoomKb: round1(((loaded.heapMb - before.heapMb) * 1024) / rooms.length),
              retainedRssMb: round1(after.rssMb - before.rssMb),
              retainedHeapMb: round1(after.heapMb - before.heapMb),
              failures: hold.failures,
            };
            if (cycle > 0) (memory.runs[kind] ??= []).push(result);
            log(`  s6 ${kind} cycle ${cycle}${cycle === 0 ? ' (warm-up, not counted)' : ''}: ${brief(result)}`);
          }
        });
      } catch (err) {
        memory.notes.push(`${kind} failed: ${(err as Error).message.split('\n')[0]}`);
        log(`  s6 ${kind} FAILED: ${(err as Error).message}`);
      }
      if (memory.runs[kind]) memory.summary[kind] = summariseRuns(memory.runs[kind]);
    }
    results.memory = memory;
  });

  await guarded('catchUp', async () => {
    const c = scale.catchUp;
    if (!servers.includes('shared')) return log('scenario 8 (catch-up) skipped: it measures shared mode, which --servers leaves out');
    log(`scenario 8: shared-mode catch-up of a ${c.snapshotCards}-card snapshot plus ${c.logRows.join(', ')} log rows`);
    const catchUp: NonNullable<BenchResults['catchUp']> = { snapshotCards: c.snapshotCards, levels: {}, notes: [] };
    await withServer('shared', async (cluster) => {
      // A fresh room per load (an instance compacts a long log once it has loaded it), loaded by the
      // second instance, which never had it, for a new client; the first load warms the instance up and is not counted.
      const load = async (rows: number, tag: string) => {
        const [room] = await cluster.createRooms(1, tag);
        await seedCatchUp(cluster.engines!.postgres.url, room!.roomName, c.snapshotCards, rows);
        const task = { kind: 'coldload', dialect: cluster.dialect, room: onInstance(room!, 1), cards: c.snapshotCards, lastText: rows ? lastEditText(rows) : undefined, timeoutMs: 30_000 } as const;
        return (await runGenerator(task)) as ColdLoadResult;
      };
      log(`  s8 warm-up load (not counted): ${brief(await load(0, 's8warmup'))}`);
      for (const rows of c.logRows) {
        const runs: ColdLoadResult[] = [];
        for (let i = 0; i < Math.max(c.loads, scale.runs); i++) {
          runs.push(await load(rows, `s8r${rows}l${i}`));
          log(`  s8 ${rows} log rows, load ${i + 1}: ${brief(runs.at(-1)!)}`);
        }
        catchUp.levels[rows] = { runs, summary: summariseRuns(runs) };
      }
    });
    results.catchUp = catchUp;
  });

  await guarded('orphans', async () => {
    const o = scale.orphans;
    if (!servers.includes('shared')) return log('scenario 9 (orphans) skipped: it measures shared mode, which --servers leaves out');
    log(`scenario 9: ${o.clients} clients on two instances, one SIGKILLed after ${o.stormMs} ms of edits`);
    results.orphans = await repeated(['shared'], scale.runs, log, 's9', (_, run) => withServer('shared', (cluster) => orphanRun(cluster, o, `s9r${run}`)));
  });

  await guarded('browser', async () => {
    log(`browser: ${scale.browser.cards} cards, ${scale.browser.editsPerSecond} remote edits/s`);
    results.browser = await runBoardBench(scale.browser, log);
  });
  return results;
}
