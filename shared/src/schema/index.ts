export * from './common.ts';
export * from './contextItem.ts';
export * from './candidate.ts';
export * from './parkedItem.ts';
export * from './keyResult.ts';
export * from './initiative.ts';
export * from './workshop.ts';
export * from './facilitation.ts';
