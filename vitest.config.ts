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
    // The JSON report `./dev test` (.ci/summary.mjs) reads: in this checkout's test-results/, never
    // in .cache/, which may be shared with other checkouts.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-report.json' }]],
  },
});
