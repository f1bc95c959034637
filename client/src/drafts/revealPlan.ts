/**
 * What this device publishes from its private drafts, given what the facilitator's control
 * document says now. Pure, so "exactly once" is a table, not a hope.
 *
 * - A reveal count above the one this device last published for: publish every draft (they were
 *   all written before this device saw that reveal, even if it was offline when it happened).
 * - Writing is open (private writing off) and drafts are waiting: publish them; they were written
 *   while this device still thought writing was private (before it synced, or offline).
 * - Otherwise keep them private.
 * A device that never saw this step before remembers the current count without publishing for
 * it: the reveals it missed were for other people's drafts, not for anything on this device.
 *
 * @example planReveal({ drafts: [a, b], revealCount: 1, privateWriting: false, publishedFor: 0 })
 *   // → { publish: [a, b], keep: [], publishedFor: 1 }
 */
export function planReveal<T>(input: {
  drafts: readonly T[];
  /** `control.reveals[step] ?? 0` as the server has it now. */
  revealCount: number;
  /** `isPrivateWriting(control, step)`. */
  privateWriting: boolean;
  /** The reveal count this device last published for; undefined if it never saw this step. */
  publishedFor: number | undefined;
}): { publish: readonly T[]; keep: readonly T[]; publishedFor: number } {
  const { drafts, revealCount, privateWriting, publishedFor } = input;
  const revealedSince = publishedFor !== undefined && revealCount > publishedFor;
  const due = revealedSince || !privateWriting;
  return due ? { publish: drafts, keep: [], publishedFor: revealCount } : { publish: [], keep: drafts, publishedFor: revealCount };
}
