import { defineConfig } from 'vitest/config';

/** Marks the background servers this run's CLIs start (test/helpers/serverSweep.ts). */
// Set here, in the main process, so that globalSetup's teardown knows it too.
process.env.WORKOUT_TEST_RUN ??= `vitest-${process.pid}`;
const TEST_RUN = process.env.WORKOUT_TEST_RUN;

export default defineConfig({
  test: {
    // An e2e test spawns many CLI processes; on two shared cores a heavy one (round trips,
    // every command as another user) can take a minute, so the bound is for hangs only.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Files run in parallel, one fork each; a file's tests run in order. Most of an e2e test's
    // time is spent waiting on the CLI processes it spawns, so three forks keep two cores
    // busy (vitest's default on two cores is a single fork).
    pool: 'forks',
    // Every CLI a test starts (and so every embedded background server) inherits these: a server
    // outlives its test by 10 s at most, and globalSetup's teardown ends any this run left.
    env: { WORKOUT_SERVER_IDLE: '10', WORKOUT_TEST_RUN: TEST_RUN },
    maxWorkers: 3,
    minWorkers: 1,
    // `vitest run` runs both; `vitest run --project unit` (npm run test:unit) only the first.
    projects: [
      {
        extends: true,
        // Pure code: no build, no database, no template to prepare.
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Migrates the template databases with the built CLI, once per run.
          globalSetup: ['test/helpers/globalSetup.ts'],
        },
      },
    ],
  },
});
