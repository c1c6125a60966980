import { defineCollection } from 'astro:content';
import { robowriteLoader, robowriteSchema } from '@robowrite/astro-loader';
import { pulledFiles } from './lib/pulled-files';

// RoboWrite's drafts two ways, side by side, and the drafts of two more providers. All validate
// with the same schema, so a page (and a site) can switch from one to another by changing the
// collection name.
export const collections = {
  // Markdown files that `robowrite pull` wrote into the repo: review them in a pull request.
  synced: defineCollection({
    loader: pulledFiles('./src/content/robowrite'),
    schema: robowriteSchema,
  }),
  // Straight from the API at build time (ROBOWRITE_API_KEY, ROBOWRITE_BASE_URL: the environment,
  // then this site's .env). Typed by robowriteSchema without repeating it.
  api: defineCollection({
    loader: robowriteLoader(),
  }),
  // One CLI config per project root, so each other provider is a small project of its own:
  // `robowrite pull -C providers/writerzroom` writes here.
  writerzroom: defineCollection({
    loader: pulledFiles('./providers/writerzroom/posts'),
    schema: robowriteSchema,
  }),
  // `robowrite pull -C providers/writer` writes here.
  writer: defineCollection({
    loader: pulledFiles('./providers/writer/posts'),
    schema: robowriteSchema,
  }),
};
