import type { VersionReasonName } from '@okr/shared/export';

/** What thinning needs to know of a stored version. */
export type VersionMeta = { id: number; createdAt: number; reason: VersionReason; bytes: number };

/** Why a version was taken. `restore` is the state a restore replaced, so a restore can be undone from History too. */
export type VersionReason = VersionReasonName;

export type ThinningLimits = {
  /** Versions kept per room, at most. */
  maxVersions: number;
  /** Snapshot bytes kept per room, at most (the newest version is kept whatever its size). */
  maxBytes: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far apart periodic versions of each age are kept: every one from the last hour, one per 15
 * minutes for the rest of the day, one per day after. Versions taken for an event (a step change,
 * a reveal, a big deletion, a restore) are the ones a facilitator looks for, so thinning leaves
 * them; only the size bounds drop them, oldest first.
 */
export function periodicSpacing(ageMs: number): number {
  if (ageMs < HOUR) return 0;
  if (ageMs < DAY) return 15 * MINUTE;
  return DAY;
}

/**
 * The ids of the versions to drop, as a pure function of the versions, the time and the limits.
 * Example: two periodic versions 3 and 8 minutes past the same quarter hour, taken yesterday
 * afternoon: the older is dropped.
 */
export function versionsToDrop(versions: readonly VersionMeta[], now: number, limits: ThinningLimits): number[] {
  const newestFirst = [...versions].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const drop = new Set<number>();
  const keptBuckets = new Set<string>();
  for (const version of newestFirst) {
    if (version.reason !== 'periodic') continue;
    const spacing = periodicSpacing(now - version.createdAt);
    if (spacing === 0) continue;
    const bucket = `${spacing}:${Math.floor(version.createdAt / spacing)}`;
    if (keptBuckets.has(bucket)) drop.add(version.id);
    else keptBuckets.add(bucket);
  }
  // The bounds: periodic versions go first, then event versions, oldest first; the newest stays.
  const kept = newestFirst.filter((version) => !drop.has(version.id));
  let count = kept.length;
  let bytes = kept.reduce((sum, version) => sum + version.bytes, 0);
  const candidates = [...kept.slice(1)].reverse();
  const byPriority = [...candidates.filter((v) => v.reason === 'periodic'), ...candidates.filter((v) => v.reason !== 'periodic')];
  for (const version of byPriority) {
    if (count <= limits.maxVersions && bytes <= limits.maxBytes) break;
    drop.add(version.id);
    count -= 1;
    bytes -= version.bytes;
  }
  return [...drop].sort((a, b) => a - b);
}
