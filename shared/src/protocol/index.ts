export * from './roomRequests.ts';
