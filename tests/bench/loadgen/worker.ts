import { runRealtime } from './realtime.ts';
import { runColdLoad, runHold, runSeed } from './rooms.ts';
import { runStorm } from './storm.ts';
import type { Task, TaskResult, WorkerMessage } from './tasks.ts';

/**
 * The load generator: its own process (pinned to its own core by the orchestrator), so the time it
 * spends sending and reading is never the server's. Takes one task over IPC, answers with the result.
 */
const send = (message: WorkerMessage) => process.send!(message);
let release: () => void = () => {};
const released = new Promise<void>((resolve) => (release = resolve));

async function run(task: Task): Promise<TaskResult> {
  const phase = (p: 'window-start' | 'window-end' | 'loaded') => send({ type: 'phase', phase: p });
  switch (task.kind) {
    case 'realtime':
      return runRealtime(task, phase);
    case 'storm':
      return runStorm(task, phase);
    case 'seed':
      return runSeed(task);
    case 'coldload':
      return runColdLoad(task);
    case 'hold':
      return runHold(task, () => phase('loaded'), released);
  }
}

process.on('message', (message: Task | { kind: 'release' }) => {
  if (message.kind === 'release') return release();
  run(message).then(
    (result) => send({ type: 'result', result }),
    (err: unknown) => send({ type: 'error', message: (err as Error).stack ?? String(err) }),
  );
});
