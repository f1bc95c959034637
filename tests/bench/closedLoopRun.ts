import { createHistogram } from 'node:perf_hooks';
import { LightClient, onInstance } from './loadgen/lightClient.ts';
import { recordMs, summarise } from './loadgen/tally.ts';
import { scanMarkers } from './loadgen/wire.ts';
import { ProcessSampler } from './procStats.ts';
import { ServerUnderTest, tempDir, type ServerKind } from './servers.ts';

/** Unmeasured edits first, so every server's code is warm. */
const WARMUP_EDITS = 100;

/**
 * One closed-loop run (closedLoop.ts): server CPU per delivered edit (shared mode: every process,
 * and by part: instances, PostgreSQL, Redis), delivery latency, and how many deliveries were counted.
 */
export type ClosedLoopResult = { cpuUsPerDelivery: number; cpuUsByPart?: Record<string, number>; p50Ms: number; p99Ms: number; seconds: number; deliveries: number };

/**
 * Starts `kind`, puts `clients` clients in one room (shared mode: client i on instance i mod 2, as in the scenarios) and sends `edits` edits one at a time, each
 * from the next client, the next only once every other client has received it. `profileTo`: the
 * server's CPU profile of the measured edits goes there.
 */
export async function measureClosedLoop(kind: ServerKind, { clients: clientCount, edits, profileTo }: { clients: number; edits: number; profileTo?: string | undefined }): Promise<ClosedLoopResult> {
  const server = await ServerUnderTest.start(kind, tempDir(`okr-closed-${kind}-`));
  const clients: LightClient[] = [];
  try {
    const [room] = await server.createRooms(1, 'closed');
    let waitingFor = -1;
    let missing = 0;
    let release: () => void = () => {};
    let latencies = createHistogram();
    let deliveries = 0;
    const onReceived = (client: LightClient, message: Buffer) =>
      scanMarkers(message, (markerKind, sender, seq, t) => {
        if (markerKind !== 'E' || seq !== waitingFor || sender === client.id) return;
        recordMs(latencies, performance.now() - t);
        deliveries++;
        if (--missing === 0) release();
      });
    for (let i = 0; i < clientCount; i++) clients.push(new LightClient(i, 0, onInstance(room!, i), server.dialect, onReceived));
    await Promise.all(clients.map((c) => c.connect(10_000)));
    const failed = clients.filter((c) => c.failure);
    if (failed.length > 0) throw new Error(`${failed.length} clients failed to join: ${failed[0]!.failure}`);
    const oneEdit = async (seq: number) => {
      waitingFor = seq;
      missing = clientCount - 1;
      const arrived = new Promise<void>((resolve) => (release = resolve));
      clients[seq % clientCount]!.edit(seq, performance.now());
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`edit ${seq}: ${missing} receivers still waiting after 10 s`)), 10_000).unref());
      await Promise.race([arrived, timeout]);
    };
    for (let seq = 0; seq < WARMUP_EDITS; seq++) await oneEdit(seq);
    latencies = createHistogram();
    deliveries = 0;
    // Shared mode: every instance profiled, the second one's to <file>-2.cpuprofile.
    const instances = [server, ...server.peers];
    if (profileTo) await Promise.all(instances.map((s) => s.startProfile()));
    const total = new ProcessSampler(() => server.pids);
    const parts = Object.entries(server.pidsByPart()).map(([part, pids]) => [part, new ProcessSampler(pids)] as const);
    total.start();
    for (const [, sampler] of parts) sampler.start();
    const started = performance.now();
    for (let seq = WARMUP_EDITS; seq < WARMUP_EDITS + edits; seq++) await oneEdit(seq);
    const perDelivery = (sampler: ProcessSampler) => Math.round((sampler.stop().cpuSeconds * 1e6 * 100) / (edits * (clientCount - 1))) / 100;
    const cpuUsPerDelivery = perDelivery(total);
    const cpuUsByPart = parts.length > 0 ? Object.fromEntries(parts.map(([part, sampler]) => [part, perDelivery(sampler)])) : undefined;
    if (profileTo) await Promise.all(instances.map((s, i) => s.stopProfile(i === 0 ? profileTo : profileTo.replace(/\.cpuprofile$/, `-${i + 1}.cpuprofile`))));
    const latency = summarise(latencies);
    return {
      cpuUsPerDelivery,
      ...(cpuUsByPart && { cpuUsByPart }),
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      deliveries,
    };
  } finally {
    for (const c of clients) c.close();
    await server.stop();
  }
}

