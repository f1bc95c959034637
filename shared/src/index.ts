export * from './schema/index.ts';
export * from './doc/index.ts';
