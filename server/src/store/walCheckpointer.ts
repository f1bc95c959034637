import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker folds the write-ahead log into the database file. */
export const CHECKPOINT_INTERVAL_MS = 1_000;
/** Passes of one checkpoint at most: each copies what the commits during the previous one added. */
const MAX_PASSES = 4;

/**
 * The worker's code, plain JavaScript run with `eval`, so it runs alike under node, tsx and vitest.
 * A PASSIVE checkpoint never blocks the server's commits; passes repeat while commits landed during
 * the last one, so the log is caught up now and then and the next commit starts it over (SQLite
 * restarts the log only when everything in it was checkpointed).
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = () => {
  try {
    for (let pass = 0; pass < ${MAX_PASSES}; pass++) {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)');
      if (!result || result.log === result.checkpointed) break;
    }
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
 * Durability does not change: a commit is in the log before it returns, as before; a checkpoint only
 * moves committed pages into the database file, and after a crash SQLite replays the log.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(file: string, onFailure: (reason: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_CODE, { eval: true, workerData: { file, driver, intervalMs } });
    // A store left open (a CLI command, a test) must not keep the process alive for its checkpoints.
    this.worker.unref();
    const fail = (reason: string) => {
      if (this.stopped) return;
      this.stopped = true;
      onFailure(reason);
    };
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) fail(message.error);
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
