import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_FRESH_MS, type VersionStore } from '../store/versionStore.ts';

/**
 * What became of a restore the tool left for a running server: made by the server, refused by it
 * (with its reason), made here (the server stopped before taking it), still queued, or taken by a
 * server that stopped before saying how it went. Such a request stays taken: nobody makes it again
 * on their own, since a second restore would undo whatever people wrote in between.
 */
export type RestoreWait =
  | { outcome: 'made-by-server' }
  | { outcome: 'failed-on-server'; error: string }
  | { outcome: 'made-here' }
  | { outcome: 'queued' }
  | { outcome: 'unconfirmed' };

export type RestoreWaitOptions = { waitMs: number; pollMs: number; freshMs?: number };

/**
 * Waits until the server has made (or failed to make) the restore it claimed. If the server stops
 * beating before claiming it, the request is claimed and made here by `makeHere`; if it stops after
 * claiming but before finishing, nobody can say whether the change was made, and the tool says so.
 */
export async function waitForServer(versions: VersionStore, requestId: number, makeHere: () => void, options: RestoreWaitOptions): Promise<RestoreWait> {
  const freshMs = options.freshMs ?? SERVER_FRESH_MS;
  const deadline = Date.now() + options.waitMs;
  while (Date.now() < deadline) {
    await sleep(options.pollMs);
    const outcome = versions.restoreOutcome(requestId);
    if (outcome.state === 'made') return { outcome: 'made-by-server' };
    if (outcome.state === 'failed') return { outcome: 'failed-on-server', error: outcome.error };
    if (outcome.state === 'claimed') {
      if (!versions.serverIsRunning(freshMs)) return { outcome: 'unconfirmed' };
      continue;
    }
    const madeHere = versions.exclusively(() => {
      if (versions.serverIsRunning(freshMs) || !versions.claimRestore(requestId)) return false;
      makeHere();
      versions.finishRestore(requestId, null);
      return true;
    });
    if (madeHere) return { outcome: 'made-here' };
  }
  return versions.restoreOutcome(requestId).state === 'claimed' ? { outcome: 'unconfirmed' } : { outcome: 'queued' };
}
