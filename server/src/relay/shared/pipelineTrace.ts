import fs from 'node:fs';
import path from 'node:path';

/** One step of an update's way through shared mode, as `tests/bench/sharedTrace.ts` reads it back. */
export type TraceEvent =
  /** Instance A committed a turn's row: when its first update was accepted (`at`), the commit's start and end, and the benchmark markers it carries. */
  | { k: 'commit'; room: string; doc: string; seq: number; at: number; cs: number; ce: number; m: string[] }
  /** Instance B received a row over the bus, and what its sequence made of it. */
  | { k: 'bus'; room: string; doc: string; seq: number; t: number; outcome: 'apply' | 'duplicate' | 'gap' }
  /** Instance B applied a row (and queued it for its sockets): straight off the bus, after a wait for an earlier one, or read from the log. */
  | { k: 'apply'; room: string; doc: string; seq: number; t: number; via: 'bus' | 'early' | 'log' }
  /** A read of the log: why (a gap on the bus, or the periodic head check), from which sequence, and how long it took. */
  | { k: 'fill'; room: string; doc: string; from: number; t0: number; t1: number; rows: number; why: 'gap' | 'head' };

/** The benchmark's edit markers (`~E<sender>:<seq>:<t>~`, tests/bench/loadgen/wire.ts) in an update, as `sender:seq`. */
const MARKER = /~E(\d+):(\d+):\d+~/g;

/**
 * A benchmark's record of shared mode's per-update pipeline, one JSON line per step, so a slow
 * delivery can be taken apart hop by hop (BENCHMARKS.md, shared mode). Off unless PIPELINE_TRACE
 * names a directory; then each instance writes `<dir>/<instance>.jsonl`, buffered and written once
 * a second, so tracing adds no write per update. Times are the wall clock in milliseconds with
 * microseconds (`performance.timeOrigin + performance.now()`), comparable across processes on one machine.
 */
export class PipelineTrace {
  private lines: string[] = [];
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly file: string) {
    this.timer = setInterval(() => this.write(), 1_000);
    this.timer.unref();
  }

  /** The trace PIPELINE_TRACE asks for, or null (the normal case). */
  static fromEnv(instanceId: string, dir = process.env.PIPELINE_TRACE): PipelineTrace | null {
    if (!dir) return null;
    fs.mkdirSync(dir, { recursive: true });
    return new PipelineTrace(path.join(dir, `${instanceId.replace(/[^\w.-]/g, '_')}.jsonl`));
  }

  static now(): number {
    return performance.timeOrigin + performance.now();
  }

  static markers(update: Uint8Array): string[] {
    const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
    return [...text.matchAll(MARKER)].map((m) => `${m[1]}:${m[2]}`);
  }

  record(event: TraceEvent): void {
    this.lines.push(JSON.stringify(event));
  }

  stop(): void {
    clearInterval(this.timer);
    this.write();
  }

  private write(): void {
    if (this.lines.length === 0) return;
    fs.appendFileSync(this.file, `${this.lines.join('\n')}\n`);
    this.lines = [];
  }
}
