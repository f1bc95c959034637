import { describe, expect, it } from 'vitest';
import { measureClosedLoop } from './closedLoopRun.ts';
import { TINY } from './config.ts';
import { runBench } from './harness.ts';
import { renderGenerated, type BenchDocument } from './report.ts';
import { checkTargets } from './targets.ts';
import { renderShared } from './sharedReport.ts';

// Keeps the benchmark harness alive at a tiny scale: it must produce results and every document
// must converge. Timings on a shared test machine mean nothing, so none is asserted.
const quiet = () => {};

describe('the benchmark harness at tiny scale', () => {
  it('runs scenario 1 against ours, the reference server and Hocuspocus, and every room converges', async () => {
    const results = await runBench({ scale: TINY, servers: ['ours', 'reference', 'hocuspocus'], scenarios: ['oneRoom'], log: quiet, repeatBudget: 0 });
    for (const kind of ['ours', 'reference', 'hocuspocus'] as const) {
      const [run] = results.oneRoom!.runs[kind]!;
      expect(run, kind).toBeDefined();
      expect(run!.edits.sent, kind).toBeGreaterThan(0);
      expect(run!.edits.dropped, kind).toBe(0);
      expect(run!.edits.delivered, kind).toBe(run!.edits.expected);
      expect(run!.presence.staleAtEnd, kind).toBe(0);
      expect(run!.converged, `${kind}: ${run!.convergence}`).toBe(true);
      expect(run!.server.cpuPercent, kind).toBeGreaterThanOrEqual(0);
      expect(results.oneRoom!.summary[kind]!['edits.latency.p99']!.runs).toBe(1);
    }
    expect(results.oneRoom!.runs.ours![0]!.server.metricsEventLoop).not.toBeNull();
    const targets = checkTargets(results, TINY.writers.thresholdMs);
    expect(targets.map((t) => t.id)).toContain('p99-oneRoom');
  }, 120_000);

  it('runs the closed loop against ours and the reference server: every edit reaches every other client, and CPU is counted per delivery', async () => {
    for (const kind of ['ours', 'reference'] as const) {
      const result = await measureClosedLoop(kind, { clients: 3, edits: 20 });
      expect(result.deliveries, kind).toBe(20 * 2);
      expect(result.cpuUsPerDelivery, kind).toBeGreaterThanOrEqual(0);
      expect(result.p50Ms, kind).toBeGreaterThan(0);
    }
  }, 120_000);

  it('runs the cursor scenario with and without cursors: edits all arrive, cursors arrive in order, the room converges', async () => {
    const results = await runBench({ scale: TINY, servers: ['ours', 'reference'], scenarios: ['cursors'], log: quiet, repeatBudget: 0 });
    const { withCursors, withoutCursors } = results.cursors!;
    for (const kind of ['ours', 'reference'] as const) {
      const [run] = withCursors.runs[kind]!;
      expect(run!.edits.sent, kind).toBeGreaterThan(0);
      expect(run!.edits.delivered, kind).toBe(run!.edits.expected);
      expect(run!.presence.sent, kind).toBeGreaterThan(run!.edits.sent);
      expect(run!.presence.staleAtEnd, kind).toBe(0);
      expect(run!.presence.reordered + run!.edits.reordered, kind).toBe(0);
      expect(run!.framesPerClientPerSecond, kind).toBeGreaterThan(0);
      // The probe counted every server's writes to its clients' sockets.
      expect(run!.server.socketWrites.writes, kind).toBeGreaterThanOrEqual(run!.server.socketWrites.socketTurns);
      expect(run!.server.socketWrites.socketTurns, kind).toBeGreaterThan(0);
      expect(run!.converged, `${kind}: ${run!.convergence}`).toBe(true);
      const [baseline] = withoutCursors.runs[kind]!;
      expect(baseline!.presence.sent, kind).toBe(0);
      expect(baseline!.edits.delivered, kind).toBe(baseline!.edits.expected);
      expect(baseline!.converged, kind).toBe(true);
    }
    // Ours writes each socket once per turn, corked: never twice in one.
    expect(withCursors.runs.ours![0]!.server.socketWrites.maxInOneTurn).toBe(1);
    // Only the editors edit: 2 of 6 clients.
    expect(withCursors.runs.ours![0]!.edits.sent).toBeLessThan(withCursors.runs.ours![0]!.presence.sent / 5);
    const ids = checkTargets(results, TINY.writers.thresholdMs).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['cursor-p99', 'cursor-edit-cost', 'cursor-order', 'cursor-frames']));
  }, 120_000);

  it('runs shared mode beside single-node in scenarios 1 and 2, catches rooms up from PostgreSQL, and kills an instance under its clients', async () => {
    const results = await runBench({ scale: TINY, servers: ['ours', 'shared'], scenarios: ['oneRoom', 'manyRooms', 'catchUp', 'orphans'], log: quiet, repeatBudget: 0 });
    for (const scenario of [results.oneRoom!, results.manyRooms!]) {
      for (const kind of ['ours', 'shared'] as const) {
        const [run] = scenario.runs[kind]!;
        expect(run, kind).toBeDefined();
        expect(run!.edits.sent, kind).toBeGreaterThan(0);
        expect(run!.edits.delivered, kind).toBe(run!.edits.expected);
        expect(run!.presence.staleAtEnd, kind).toBe(0);
        expect(run!.converged, `${kind}: ${run!.convergence}`).toBe(true);
      }
      // Shared mode's CPU counts both instances, PostgreSQL and Redis.
      expect(scenario.runs.shared![0]!.server.cpuPercent).toBeGreaterThan(0);
    }
    expect(results.errors).toBeUndefined();
    for (const rows of TINY.catchUp.logRows) {
      const [load] = results.catchUp!.levels[rows]!.runs;
      expect(load!.cards, `${rows} log rows`).toBe(TINY.catchUp.snapshotCards);
    }
    const [orphans] = results.orphans!.runs.shared!;
    // The balancer alternates, so every other client was on the killed instance; every card written is in PostgreSQL.
    expect(orphans!.orphans).toBe(TINY.orphans.clients / 2);
    expect(orphans!.written).toBeGreaterThan(0);
    expect(orphans!.lost).toBe(0);
    expect(orphans!.orphanInSyncMs.runs).toBe(orphans!.orphans);
    const ids = checkTargets(results, TINY.writers.thresholdMs).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['shared-p99-oneRoom', 'shared-p99-manyRooms', 'shared-catch-up', 'shared-orphans', 'shared-orphans-lost']));
    const report = renderShared(results, TINY).join('\n');
    expect(report).toContain('### 8. Shared mode, catch-up');
    expect(report).toContain('### 9. Shared mode, orphans');
  }, 300_000);

  it('seeds a room, cold-loads it from each store, and renders a report', async () => {
    const results = await runBench({ scale: TINY, servers: ['ours', 'reference'], scenarios: ['coldLoad', 'storm'], log: quiet, repeatBudget: 0 });
    for (const kind of ['ours', 'reference'] as const) {
      const [load] = results.coldLoad!.runs[kind]!;
      expect(load!.cards, kind).toBe(TINY.coldLoad.cards);
      const [storm] = results.storm!.runs[kind]!;
      expect(storm!.failures, kind).toBe(0);
      expect(storm!.connectToSync.count, kind).toBe(TINY.storm.clients);
    }
    const doc = {
      command: 'test',
      scale: TINY,
      startedAt: 'start',
      finishedAt: 'end',
      minutes: 0,
      machine: { cpu: 'cpu', cores: 2, ramGb: 1, node: process.version, os: 'os' },
      loadAverage: { start: '0', end: '0' },
      versions: {},
      pinning: 'none',
      ourSettings: {},
      servers: ['ours', 'reference'],
      results,
      targets: checkTargets(results, TINY.writers.thresholdMs),
      profiles: [],
    } satisfies BenchDocument;
    const report = renderGenerated(doc);
    expect(report).toContain('### 5. Cold load');
    expect(report).toContain('### 4. Connect storm');
  }, 120_000);
});
