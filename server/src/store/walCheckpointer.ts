import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker folds the write-ahead log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** Passes of one checkpoint at most: each copies what the commits during the previous one added. */
const MAX_PASSES = 4;

/** What one of the worker's checkpoints left: frames in the log, and how many of them are in the database file. */
export type CheckpointResult = { log: number; checkpointed: number };

/**
 * The worker's code, plain JavaScript run with `eval`, so it runs alike under node, tsx and vitest.
 * A PASSIVE checkpoint never blocks the server's commits; passes repeat while commits landed during
 * the last one, and each checkpoint reports what it left (`CheckpointResult`). On Linux the worker
 * lowers its own thread's priority (nice 19, per thread there): on a server given one core (the
 * benchmarks pin it) its copying and syncing would otherwise take the core from the event loop.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
if (process.platform === 'linux') {
  try { require('node:os').setPriority(19); } catch {}
}
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => {
  try {
    let result;
    for (let pass = 0; pass < ${MAX_PASSES}; pass++) {
      [result] = db.pragma('wal_checkpoint(PASSIVE)');
      if (!result || result.log === result.checkpointed) break;
    }
    if (result) parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
    stop();
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
function stop() {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
}
parentPort.on('message', (message) => { if (message === 'stop') stop(); });
`;

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread, so the server's event loop never waits
 * for one. SQLite's automatic checkpoint runs inside the commit that passes 1,000 pages of log, on
 * the thread that commits: it copies the log into the database and syncs both files, which took
 * 6–230 ms on this machine under load, every few hundred commits, holding every message of that
 * turn (the profile of scenario 1 had COMMITs of 3–7 ms). The store turns the automatic checkpoint
 * off while this runs, and on again if the worker fails (`onFailure`).
 *
 * SQLite starts the log over only at a commit that finds all of it checkpointed, which a worker's
 * checkpoint never leaves behind while commits keep coming (at 300 a second the log grew by 5 MB a
 * second for good): the store finishes the checkpoint on its own thread once the log is long
 * (`onCheckpoint`), copying and syncing only what came since the worker's pass.
 *
 * Durability does not change: a commit is in the log before it returns, as before; a checkpoint only
 * moves committed pages into the database file, and after a crash SQLite replays the log.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(file: string, onFailure: (reason: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS, onCheckpoint: (result: CheckpointResult) => void = () => {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, driver, intervalMs } });
    // A store left open (a CLI command, a test) must not keep the process alive for its checkpoints.
    this.worker.unref();
    const fail = (reason: string) => {
      if (this.stopped) return;
      this.stopped = true;
      onFailure(reason);
    };
    this.worker.on('message', (message: { error: string } | CheckpointResult) => {
      if ('error' in message) fail(message.error);
      else if (!this.stopped) onCheckpoint(message);
    });
    // A worker's uncaught error arrives cloned, not always as an Error with its message.
    this.worker.on('error', (err: unknown) => fail(err instanceof Error && err.message ? err.message : String(err)));
    this.worker.on('exit', (code) => fail(`checkpoint worker exited (code ${code})`));
  }

  /** Asks the worker to close its connection and end; the store's own close follows. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.worker.postMessage('stop');
  }
}
