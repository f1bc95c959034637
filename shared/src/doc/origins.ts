/**
 * Named transaction origins. Every write goes through `doc.transact(fn, origin)` with one of these,
 * so undo can track a person's own edits and never someone else's.
 */
export const ORIGIN = {
  /** A person's own edit on this device: the only origin undo tracks. */
  user: 'okr:user',
  /** Drafts published by a reveal: not undoable, they were already written. */
  reveal: 'okr:reveal',
  /** A board started from a file. */
  import: 'okr:import',
  /** The facilitator's control actions (step, timer, voting, decision). */
  facilitator: 'okr:facilitator',
  /** The server converting a loaded room's legacy plain-string text fields to `Y.Text`. */
  upgrade: 'okr:upgrade',
  /** A version brought back by the server (the `okr restore` command), not by a person's device. */
  restore: 'okr:restore',
  /** Anonymous cards the server publishes under its own Yjs client id (see anonymousCards.ts). */
  anonymous: 'okr:anonymous',
  /** The server's own writes: seats and ballots in the private document, tallies it publishes. */
  server: 'okr:server',
} as const;
export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];
