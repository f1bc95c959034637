import type { ControlState } from '@okr/shared/schema';
import type { VersionReason } from '../store/versionThinning.ts';

/** "More than a few": an update deleting more cards than this gets a version of the board before it. */
export const BIG_DELETION_CARDS = 3;
/** While the board keeps changing, a version at least this often. */
export const PERIODIC_VERSION_MS = 5 * 60_000;

/** What just happened in a room, as far as its history cares. */
export type RoomEvent =
  | { kind: 'control'; before: Pick<ControlState, 'step' | 'reveals' | 'confidenceRevealed'>; after: Pick<ControlState, 'step' | 'reveals' | 'confidenceRevealed'> }
  | { kind: 'boardUpdate'; cardsDeleted: number };

/** What the room knows of its last version. */
export type HistoryState = { lastVersionAt: number; boardChangedSince: boolean };

/**
 * Whether an event calls for a version of the board, and why. Pure, so the table in
 * versionTriggers.test.ts is the policy: a step change or a reveal takes one, an update deleting
 * more than a few cards takes one of the board before it, and a board that keeps changing gets one
 * every few minutes; a board unchanged since the last version never gets another copy.
 */
export function versionReason(event: RoomEvent, state: HistoryState, now: number): VersionReason | null {
  if (!state.boardChangedSince) return null;
  if (event.kind === 'control') {
    if (event.before.step !== event.after.step) return 'step';
    if (revealedMore(event.before, event.after)) return 'reveal';
    return null;
  }
  if (event.cardsDeleted > BIG_DELETION_CARDS) return 'deletion';
  return now - state.lastVersionAt >= PERIODIC_VERSION_MS ? 'periodic' : null;
}

type Reveals = Pick<ControlState, 'reveals' | 'confidenceRevealed'>;

/** Drafts revealed on a step, or a key result's confidence votes shown. */
function revealedMore(before: Reveals, after: Reveals): boolean {
  const draftsRevealed = Object.entries(after.reveals).some(([step, count]) => (count ?? 0) > (before.reveals[step as keyof typeof before.reveals] ?? 0));
  const confidenceShown = Object.entries(after.confidenceRevealed).some(([id, shown]) => shown && !before.confidenceRevealed[id]);
  return draftsRevealed || confidenceShown;
}
