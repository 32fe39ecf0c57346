import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files run in parallel, one fork each; a file's tests run in order. Most of a test's
    // time is spent waiting on the CLI processes it spawns, so three forks keep two cores
    // busy (vitest's default on two cores is a single fork).
    pool: 'forks',
    maxWorkers: 3,
    minWorkers: 1,
  },
});
