import type { ControlState } from '@okr/shared/schema';
import type { VersionReason } from '../store/versionThinning.ts';

/** "More than a few": an update deleting more cards than this gets a version of the board before it. */
export const BIG_DELETION_CARDS = 3;
/**
 * Big deletions are a participant's to trigger: one who adds and deletes cards in a loop must not
 * make the server snapshot the board on every update. A deletion this soon after the last version
 * takes none; what that loses is at most this long of edits.
 */
export const DELETION_VERSION_GAP_MS = 10_000;
/** While the board keeps changing, a version at least this often. */
export const PERIODIC_VERSION_MS = 5 * 60_000;

/** What just happened in a room, as far as its history cares. */
export type RoomEvent =
  | { kind: 'control'; before: Pick<ControlState, 'step' | 'reveals' | 'confidenceRevealed'>; after: Pick<ControlState, 'step' | 'reveals' | 'confidenceRevealed'> }
  | { kind: 'boardUpdate'; cardsDeleted: number };

/** What the room knows of its last version (null: none yet) and since when it has been loaded. */
export type HistoryState = { lastVersionAt: number | null; loadedAt: number; boardChangedSince: boolean };

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
  const sinceLast = state.lastVersionAt === null ? Infinity : now - state.lastVersionAt;
  if (event.cardsDeleted > BIG_DELETION_CARDS && sinceLast >= DELETION_VERSION_GAP_MS) return 'deletion';
  return Math.min(sinceLast, now - state.loadedAt) >= PERIODIC_VERSION_MS ? 'periodic' : null;
}

type Reveals = Pick<ControlState, 'reveals' | 'confidenceRevealed'>;

/** Drafts revealed on a step, or a key result's confidence votes shown. */
function revealedMore(before: Reveals, after: Reveals): boolean {
  const draftsRevealed = Object.entries(after.reveals).some(([step, count]) => (count ?? 0) > (before.reveals[step as keyof typeof before.reveals] ?? 0));
  const confidenceShown = Object.entries(after.confidenceRevealed).some(([id, shown]) => shown && !before.confidenceRevealed[id]);
  return draftsRevealed || confidenceShown;
}
