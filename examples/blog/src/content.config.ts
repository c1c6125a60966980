import { defineCollection } from 'astro:content';
import { robowriteLoader, robowriteSchema } from '@robowrite/astro-loader';
import { glob } from 'astro/loaders';

// Two ways to get the same drafts, side by side. Both validate with the same schema, so a page
// (and a site) can switch from one to the other by changing the collection name.
export const collections = {
  // Markdown files that `robowrite pull` wrote into the repo: review them in a pull request.
  synced: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './src/content/robowrite' }),
    schema: robowriteSchema,
  }),
  // Straight from the API at build time (ROBOWRITE_API_KEY, ROBOWRITE_BASE_URL: the environment,
  // then this site's .env). Typed by robowriteSchema without repeating it.
  api: defineCollection({
    loader: robowriteLoader(),
  }),
};
