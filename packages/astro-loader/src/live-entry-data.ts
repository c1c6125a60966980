import { type Draft, entryData, type RobowriteFrontmatter, robowriteSchema } from '@robowrite/core';
import type { LiveDataEntry } from 'astro';
import type { ResolvedSourceOptions } from './options.ts';

/** Cache tag shared by every entry of these loaders (whichever the provider), to invalidate them all at once. */
export const CACHE_TAG = 'robowrite';
/** Cache tag of one item, stable across versions and slug changes. */
export const itemCacheTag = (itemId: string): string => `robowrite:${itemId}`;

/**
 * The entry: core's `entryData` for its id (the frontmatter the CLI writes), parsed by the shared
 * schema as Astro parses the build loader's. Ids from your own function keep the draft's slug.
 */
export function toLiveEntry(
  draft: Draft,
  id: string,
  resolved: ResolvedSourceOptions,
): LiveDataEntry<RobowriteFrontmatter> {
  const slug = typeof resolved.id === 'function' ? draft.slug : id;
  return {
    id,
    data: robowriteSchema.parse(entryData(draft, slug)),
    cacheHint: {
      tags: [CACHE_TAG, itemCacheTag(draft.id)],
      lastModified: new Date(draft.updatedAt),
    },
  };
}
