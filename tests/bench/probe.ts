import fs from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { countSocketWrites, socketWrites } from './socketWrites.ts';

/**
 * Preloaded (`--import`) into every server under test, whatever its code: reports the event-loop
 * delay, memory and how many writes each client socket gets per turn (socketWrites.ts) over IPC,
 * so all four servers are measured the same way (ours also reports its event-loop delay on
 * /metrics; the harness records both), and runs V8's CPU profiler (the one
 * behind `node --cpu-prof`) over just the measurement window when asked.
 */
export const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
countSocketWrites();

type Request = { probe: 'eld'; reset: boolean } | { probe: 'writes'; reset: boolean } | { probe: 'memory'; gc: boolean } | { probe: 'profile-start' } | { probe: 'profile-stop'; file: string };
let profiler: Session | null = null;

process.on('message', (message: Request) => {
  if (message?.probe === 'eld') {
    // The histogram holds intervals between timer ticks; the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
    process.send!({ probe: 'eld', p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), samples: delay.count });
    if (message.reset) delay.reset();
  } else if (message?.probe === 'writes') {
    process.send!({ probe: 'writes', ...socketWrites(message.reset) });
  } else if (message?.probe === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (message.gc && gc) gc();
    process.send!({ probe: 'memory', ...process.memoryUsage() });
  } else if (message?.probe === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    profiler.post('Profiler.enable', () =>
      profiler!.post('Profiler.setSamplingInterval', { interval: 250 }, () => profiler!.post('Profiler.start', () => process.send!({ probe: 'profile-start' }))),
    );
  } else if (message?.probe === 'profile-stop' && profiler) {
    const session = profiler;
    profiler = null;
    session.post('Profiler.stop', (err, result) => {
      if (!err) fs.writeFileSync(message.file, JSON.stringify(result.profile));
      session.disconnect();
      process.send!({ probe: 'profile-stop', written: !err });
    });
  }
});
