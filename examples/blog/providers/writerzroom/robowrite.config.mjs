// Settings for `robowrite pull` and `robowrite generate`.
// The API key never goes here: set WRITERZROOM_API_KEY in the environment or in .env.
import { defineConfig } from '@robowrite/sync-cli';

export default defineConfig({
  provider: 'writerzroom',
  writerzroom: {
    dialect: 'api',
    template: 'blog_article_generator',
    styleProfile: 'general_blog',
  },
  outDir: 'posts',
  statuses: ['completed'],
  filename: 'slug',
  frontmatter: {
    scoring: true,
    sources: true,
  },
});
