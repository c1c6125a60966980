import { robowriteSchema } from '@robowrite/core';
import type { Loader } from 'astro/loaders';
import { providerCache } from './client.ts';
import { resolveSourceOptions } from './options.ts';
import { type SyncOptions, syncCollection } from './sync-collection.ts';

/** The loader's name: what `refreshContent({ loaders: ['robowrite'] })` refers to. */
export const LOADER_NAME = 'robowrite';

export type RobowriteLoaderOptions = SyncOptions;

/**
 * A `Loader` that says which schema it carries. Astro types a collection without its own
 * `schema` from the loader's declared `schema` property (`InferLoaderSchema` in the generated
 * `astro:content` types); with the plain `Loader` type, whose `schema` is optional and untyped,
 * every entry's `data` would be `any`.
 */
export type RobowriteLoader = Loader & { schema: typeof robowriteSchema };

/**
 * Build-time loader for `defineCollection({ loader: robowriteLoader() })`: drafts of the chosen
 * provider (RoboWrite by default, WriterzRoom, Writer) as
 * entries whose data is the shared frontmatter (`robowriteSchema`), whose body is the Markdown
 * and whose `rendered` HTML comes from the site's own Markdown pipeline. Syncs incrementally.
 */
export function robowriteLoader(options: RobowriteLoaderOptions = {}): RobowriteLoader {
  const resolved = resolveSourceOptions(options);
  // One client, and the provider over it, for every load of this collection (astro dev reloads
  // it on each refresh).
  const providers = providerCache(options);
  return {
    name: LOADER_NAME,
    schema: robowriteSchema,
    load: async (context) => {
      await syncCollection(context, options, resolved, providers);
    },
  };
}
