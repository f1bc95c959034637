export * from './steps.ts';
export * from './voting.ts';
export * from './timer.ts';
export * from './gates.ts';
export * from './confidence.ts';
