import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    // Retry tests wait out real backoffs (0.5 s, 1 s); a busy shared machine needs headroom.
    testTimeout: 20_000,
  },
});
