import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'emulator',
    include: ['test/**/*.test.ts'],
    // The machine is shared; a generous ceiling keeps slow neighbours from failing real tests.
    testTimeout: 20_000,
  },
});
