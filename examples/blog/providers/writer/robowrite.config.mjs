// Settings for `robowrite pull` and `robowrite generate`.
// The API key never goes here: set WRITER_API_KEY in the environment or in .env.
import { defineConfig } from '@robowrite/sync-cli';

export default defineConfig({
  provider: 'writer',
  writer: {
    applicationIds: ['0f6c4d2a-3b8e-4e71-9a5d-6c1f2e8b7a40'],
  },
  outDir: 'posts',
  statuses: ['completed'],
  filename: 'slug',
  frontmatter: {
    scoring: true,
    sources: true,
  },
});
