// The record schemas are written in zod/mini (`z.optional(z.string().check(z.maxLength(120)))`,
// not `z.string().max(120).optional()`): every browser loads them before its first card, and the
// classic API's method chains cannot tree-shake (9 KB gzipped more on a first load). The export
// formats and the server's own bodies may use the classic API; it loads only where they do.
export * from './common.ts';
export * from './displayName.ts';
export * from './contextItem.ts';
export * from './candidate.ts';
export * from './cluster.ts';
export * from './parkedItem.ts';
export * from './keyResult.ts';
export * from './initiative.ts';
export * from './workshop.ts';
export * from './facilitation.ts';
export * from './spotlight.ts';
export * from './agenda.ts';
export * from './controlState.ts';
export * from './ballot.ts';
export * from './confidenceVote.ts';
export * from './dismissal.ts';
export * from './presence.ts';
export * from './seat.ts';
