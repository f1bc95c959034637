/** The parts of a person's presence the writing markers read. */
export type WriterPresence = {
  /** The person's seat (see onePerSeat): one entry per seat, whatever `user.id` a client claims. */
  seatId: string;
  /** Whether this is this device's own entry. */
  isMe?: boolean;
  user: { name: string; role: string };
  drafts?: Record<string, number>;
  ready?: Record<string, boolean>;
};

export type Writer = { id: string; name: string; count: number; ready: boolean; isMe: boolean };

export type WritingSummary = {
  /** Private drafts in the room for the step, everyone's together. */
  written: number;
  /** People holding at least one private draft, most drafts first. */
  writers: Writer[];
  /** People here with no private draft (yet), by name. */
  notStarted: Writer[];
};

/**
 * "N written, M writing" from presence alone: counts, never text.
 * `readyAt` is the ready check's key for this visit of the step (`readyKey`).
 * @example summarizeWriting([{ seatId: 'a', user: { name: 'Ana', role: 'participant' }, drafts: { draft: 2 } }], 'draft', 'draft@1')
 *   // → { written: 2, writers: [{ name: 'Ana', count: 2, … }], notStarted: [] }
 */
export function summarizeWriting(people: readonly WriterPresence[], step: string, readyAt: string): WritingSummary {
  const all = people.map((p) => ({
    id: p.seatId,
    name: p.user.name,
    count: p.drafts?.[step] ?? 0,
    ready: p.ready?.[readyAt] ?? false,
    isMe: p.isMe === true,
  }));
  const writers = all.filter((w) => w.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    written: writers.reduce((sum, w) => sum + w.count, 0),
    writers,
    notStarted: all.filter((w) => w.count === 0).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** "3 written · 2 writing", the line a facilitator reads before revealing. */
export function writingLine(summary: WritingSummary): string {
  const people = summary.writers.length;
  return `${summary.written} written · ${people} ${people === 1 ? 'person' : 'people'} writing`;
}
