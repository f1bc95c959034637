import { changeSummary, type ChangeSummary } from '@okr/shared/doc';
import type { VersionInfo } from './versionStore.ts';
import type { VersionReason } from './versionThinning.ts';

/** One line of a room's History: when, why, at which step, and what changed since the version before it. */
export type HistoryEntry = { id: number; createdAt: string; reason: VersionReason; step: string; bytes: number } & ChangeSummary;

/** History entries, newest first, each compared with the next older version still kept. */
export function historyEntries(newestFirst: readonly VersionInfo[]): HistoryEntry[] {
  return newestFirst.map((version, index) => ({
    id: version.id,
    createdAt: new Date(version.createdAt).toISOString(),
    reason: version.reason,
    step: version.step,
    bytes: version.bytes,
    ...changeSummary(newestFirst[index + 1]?.cardIds, version.cardIds),
  }));
}
