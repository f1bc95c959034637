export { BoardDoc } from './boardDoc.ts';
export type { NewCandidate, NewContextItem, NewInitiative, NewKeyResult, NewParkedItem } from './boardDoc.ts';
export { ControlDoc } from './controlDoc.ts';
export { RecordCollection, RecordNotFoundError } from './recordCollection.ts';
export { ORIGIN } from './origins.ts';
export type { Origin } from './origins.ts';
export { createUndoManager } from './undo.ts';
export { encodeState, docFromUpdates } from './encoding.ts';
