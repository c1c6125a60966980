import { defineConfig } from 'vitest/config';

// One run over every package; each package is a project so its tests keep their own settings.
export default defineConfig({
  test: {
    projects: [
      'packages/emulator',
      'packages/core',
      'packages/sync-cli',
      'packages/astro-loader',
      'test',
    ],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-report.json' }]],
  },
});
