import { describe, expect, it } from 'vitest';
import { measureClosedLoop } from '../../bench/closedLoopRun.ts';
import { TINY } from '../../bench/config.ts';
import { runBench } from '../../bench/harness.ts';

// The benchmark harness's shared-mode paths at a tiny scale (they need PostgreSQL and Redis, so they
// live with the shared-mode tests): every edit arrives and the CPU is counted by part. No timing asserted.
const quiet = () => {};

describe('the benchmark harness in shared mode', () => {
  it('runs the closed loop over both instances: every edit reaches every other client, and the CPU is given by part', async () => {
    const result = await measureClosedLoop('shared', { clients: 3, edits: 20 });
    expect(result.deliveries).toBe(20 * 2);
    expect(Object.keys(result.cpuUsByPart ?? {}).sort()).toEqual(['instances', 'postgres', 'redis']);
    for (const us of Object.values(result.cpuUsByPart!)) expect(us).toBeGreaterThanOrEqual(0);
    expect(result.cpuUsPerDelivery).toBeGreaterThanOrEqual(result.cpuUsByPart!.instances!);
  });

  it('runs scenario 1 with the engines off the instances\' core beside single-node mode, and the room converges', async () => {
    const results = await runBench({ scale: TINY, servers: ['ours', 'sharedApart'], scenarios: ['oneRoom'], log: quiet, repeatBudget: 0 });
    const [run] = results.oneRoom!.runs.sharedApart!;
    expect(run!.edits.dropped).toBe(0);
    expect(run!.edits.delivered).toBe(run!.edits.expected);
    expect(run!.converged, run!.convergence).toBe(true);
    expect(Object.keys(run!.server.cpuByPart ?? {}).sort()).toEqual(['instances', 'postgres', 'redis']);
  });
});
