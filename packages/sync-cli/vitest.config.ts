import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sync-cli',
    include: ['test/**/*.test.ts'],
    // End-to-end tests run several real CLI processes each; the machine is shared and noisy.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
