import { robowriteSchema } from '@robowrite/core';
import type { Loader } from 'astro/loaders';
import { resolveSourceOptions } from './options.ts';
import { type SyncOptions, syncCollection } from './sync-collection.ts';

/** The loader's name: what `refreshContent({ loaders: ['robowrite'] })` refers to. */
export const LOADER_NAME = 'robowrite';

export type RobowriteLoaderOptions = SyncOptions;

/**
 * Build-time loader for `defineCollection({ loader: robowriteLoader() })`: RoboWrite drafts as
 * entries whose data is the shared frontmatter (`robowriteSchema`), whose body is the Markdown
 * and whose `rendered` HTML comes from the site's own Markdown pipeline. Syncs incrementally.
 */
export function robowriteLoader(options: RobowriteLoaderOptions = {}): Loader {
  const resolved = resolveSourceOptions(options);
  return {
    name: LOADER_NAME,
    schema: robowriteSchema,
    load: async (context) => {
      await syncCollection(context, options, resolved);
    },
  };
}
