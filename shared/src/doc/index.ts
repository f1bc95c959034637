export { BoardDoc, ballotSchema, confidenceVoteSchema } from './boardDoc.ts';
export type { Ballot, ConfidenceVote, NewCandidate, NewContextItem, NewInitiative, NewKeyResult, NewParkedItem } from './boardDoc.ts';
export { ControlDoc, controlStateSchema, DEFAULT_CONTROL } from './controlDoc.ts';
export type { ControlState } from './controlDoc.ts';
export { RecordCollection, RecordNotFoundError } from './recordCollection.ts';
export { ORIGIN } from './origins.ts';
export type { Origin } from './origins.ts';
export { createUndoManager } from './undo.ts';
export { encodeState, docFromUpdates } from './encoding.ts';
