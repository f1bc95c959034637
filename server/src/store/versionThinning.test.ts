import { describe, expect, it } from 'vitest';
import { versionsToDrop, type VersionMeta, type VersionReason } from './versionThinning.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 6, 3, 12, 0, 0);
const roomy = { maxVersions: 100, maxBytes: 1_000_000 };

/** Versions from `[reason, minutes ago, bytes?]`, ids in the order given. */
function versions(...rows: [VersionReason, number, number?][]): VersionMeta[] {
  return rows.map(([reason, minutesAgo, bytes = 100], index) => ({ id: index + 1, reason, createdAt: NOW - minutesAgo * MINUTE, bytes }));
}

describe('versionsToDrop', () => {
  it.each([
    ['keeps every version of the last hour', versions(['periodic', 5], ['periodic', 10], ['periodic', 15]), roomy, []],
    ['keeps one periodic version per quarter hour later that day', versions(['periodic', 2 * 60 + 1], ['periodic', 2 * 60 + 6], ['periodic', 2 * 60 + 20]), roomy, [2]],
    ['keeps one periodic version per day after a day', versions(['periodic', 2 * DAY / MINUTE], ['periodic', 2 * DAY / MINUTE + 120], ['periodic', 3 * DAY / MINUTE + 1]), roomy, [2]],
    ['never thins event versions', versions(['step', 2 * DAY / MINUTE], ['reveal', 2 * DAY / MINUTE + 1], ['deletion', 2 * DAY / MINUTE + 2], ['restore', 2 * DAY / MINUTE + 3]), roomy, []],
    ['over the count, drops the oldest periodic versions first', versions(['deletion', 50], ['periodic', 40], ['periodic', 30], ['step', 20]), { maxVersions: 2, maxBytes: 1_000_000 }, [2, 3]],
    ['then the oldest event versions', versions(['deletion', 50], ['step', 40], ['periodic', 30], ['reveal', 20]), { maxVersions: 2, maxBytes: 1_000_000 }, [1, 3]],
    ['over the bytes, drops until the rest fit', versions(['step', 30, 400], ['step', 20, 400], ['step', 10, 400]), { maxVersions: 100, maxBytes: 900 }, [1]],
    ['keeps the newest version even when it alone is too big', versions(['step', 20, 400], ['deletion', 10, 5_000]), { maxVersions: 100, maxBytes: 1_000 }, [1]],
    ['drops nothing from an empty history', [], roomy, []],
  ] as const)('%s', (_name, given, limits, expected) => {
    expect(versionsToDrop(given, NOW, limits)).toEqual(expected);
  });
});
