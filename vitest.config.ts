import { defineConfig } from 'vitest/config';

// One run, three kinds of test: pure units beside the code, integration against a real server,
// end-to-end in real Chromium. `vitest run --project unit` runs one kind.

// How long `expect.poll` waits for an effect that arrives asynchronously (another device, the server,
// a re-render) before it fails. Vitest's default, 1 s, is breached on a loaded 2-core CI machine by
// effects that take a tenth of that on a quiet one; Playwright's own waits allow 30 s. A poll still
// returns as soon as the effect is there: this is a deadline, not a retry of the test.
const poll = { timeout: 15_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          expect: { poll },
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          expect: { poll },
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
          expect: { poll },
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
          expect: { poll },
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
