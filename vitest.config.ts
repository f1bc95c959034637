import { defineConfig } from 'vitest/config';

// One run, three kinds of test: pure units beside the code, integration against a real server,
// end-to-end in real Chromium. `vitest run --project unit` runs one kind.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          exclude: ['tests/integration/shared/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'shared',
          include: ['tests/integration/shared/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 90_000,
          // Each file starts PostgreSQL, Redis and several server processes: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 60_000,
          // One browser walk-through at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
