import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sync-cli',
    include: ['test/**/*.test.ts'],
  },
});
