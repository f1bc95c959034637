import { createHistogram } from 'node:perf_hooks';
import { LightClient } from './lightClient.ts';
import { recordMs, summarise } from './tally.ts';
import type { StormResult, StormTask } from './tasks.ts';

/**
 * Scenario 4: `clients` connections to one room opened evenly within `spreadMs`, each sending what
 * a browser tab sends on open (its state vector and its presence). Measures each client's time from
 * opening the socket to holding the room's state.
 */
export async function runStorm(task: StormTask, phase: (p: 'window-start' | 'window-end') => void): Promise<StormResult> {
  const clients = Array.from({ length: task.clients }, (_, i) => new LightClient(i, 0, task.room, task.dialect, () => {}));
  const started = performance.now();
  phase('window-start');
  await Promise.all(
    clients.map(
      (c, i) =>
        new Promise<void>((resolve) => {
          setTimeout(() => {
            const presence = { user: { id: `storm-${i}`, name: `Storm ${i}`, color: '#2a7fff', role: 'participant' } };
            void c.connect(task.timeoutMs, presence).then(resolve);
          }, (i * task.spreadMs) / task.clients);
        }),
    ),
  );
  const allSyncedMs = performance.now() - started;
  phase('window-end');
  const latency = createHistogram();
  const failureReasons: Record<string, number> = {};
  for (const c of clients) {
    if (c.failure) failureReasons[c.failure] = (failureReasons[c.failure] ?? 0) + 1;
    else recordMs(latency, c.syncedAt - c.startedAt);
  }
  for (const c of clients) c.close();
  return {
    clients: task.clients,
    failures: clients.filter((c) => c.failure).length,
    failureReasons,
    connectToSync: summarise(latency),
    allSyncedMs: Math.round(allSyncedMs),
  };
}
