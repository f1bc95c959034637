import type { WriterPresence } from './writingSummary.ts';

/** A person's private draft counts per step, as presence last showed them. */
export type SeenWriter = { name: string; drafts: Readonly<Record<string, number>> };
export type LastSeenDrafts = Readonly<Record<string, SeenWriter>>;

/**
 * Presence forgets a device the moment it leaves, drafts and all; this remembers the last counts of
 * everyone seen this session, so "who left with drafts not yet revealed" can still be answered.
 * Returns `known` itself when nothing changed.
 */
export function rememberDrafts(known: LastSeenDrafts, people: readonly WriterPresence[]): LastSeenDrafts {
  let next: Record<string, SeenWriter> | null = null;
  for (const person of people) {
    // This device publishes its own drafts at the reveal: never "offline with drafts". Before the
    // server names its seat, its own entry is keyed by device, so it would later look like someone gone.
    if (person.isMe) continue;
    const drafts = person.drafts ?? {};
    const before = known[person.seatId];
    if (before && before.name === person.user.name && sameCounts(before.drafts, drafts)) continue;
    next ??= { ...known };
    next[person.seatId] = { name: person.user.name, drafts };
  }
  return next ?? known;
}

export type OfflineWriter = { id: string; name: string; count: number };

/**
 * People not here now whose last-known presence held private drafts for the step, by name.
 * @example offlineWithDrafts({ b: { name: 'Ben', drafts: { draft: 2 } } }, [], 'draft') // → [{ id: 'b', name: 'Ben', count: 2 }]
 */
export function offlineWithDrafts(known: LastSeenDrafts, people: readonly WriterPresence[], step: string): OfflineWriter[] {
  const here = new Set(people.map((p) => p.seatId));
  return Object.entries(known)
    .filter(([id, seen]) => !here.has(id) && (seen.drafts[step] ?? 0) > 0)
    .map(([id, seen]) => ({ id, name: seen.name, count: seen.drafts[step] ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** "Ben (2 drafts) and Cy (1 draft)". */
export function offlineLine(writers: readonly OfflineWriter[]): string {
  const parts = writers.map((w) => `${w.name} (${w.count} draft${w.count === 1 ? '' : 's'})`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}
