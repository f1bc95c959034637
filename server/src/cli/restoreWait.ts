import { setTimeout as sleep } from 'node:timers/promises';
import { SERVER_FRESH_MS, type VersionStore } from '../store/versionStore.ts';

/** What became of a restore the tool left for a running server. */
export type RestoreWait =
  | { by: 'server' }
  | { by: 'here' }
  | { by: 'nobody' }
  | { by: 'server'; failed: string }
  | { by: 'unconfirmed' };

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
    if (outcome.state === 'made') return { by: 'server' };
    if (outcome.state === 'failed') return { by: 'server', failed: outcome.error };
    if (outcome.state === 'claimed') {
      if (!versions.serverIsRunning(freshMs)) return { by: 'unconfirmed' };
      continue;
    }
    const madeHere = versions.exclusively(() => {
      if (versions.serverIsRunning(freshMs) || !versions.claimRestore(requestId)) return false;
      makeHere();
      versions.finishRestore(requestId, null);
      return true;
    });
    if (madeHere) return { by: 'here' };
  }
  return versions.restoreOutcome(requestId).state === 'claimed' ? { by: 'unconfirmed' } : { by: 'nobody' };
}
