import type { RobowriteFrontmatter } from '@robowrite/core';
import type { LiveLoader } from 'astro/loaders';
import { loadLiveCollection } from './live-collection.ts';
import { loadLiveEntry } from './live-entry.ts';
import type { RobowriteLiveErrorType } from './live-errors.ts';
import type {
  RobowriteCollectionFilter,
  RobowriteEntryFilter,
  RobowriteLiveLoaderOptions,
} from './live-options.ts';
import { liveLoaderParts } from './live-parts.ts';

export type { RobowriteLiveErrorType } from './live-errors.ts';
export type {
  RobowriteCollectionFilter,
  RobowriteEntryFilter,
  RobowriteLiveLoaderOptions,
} from './live-options.ts';

/**
 * Live loader for `defineLiveCollection({ loader: robowriteLiveLoader() })` in
 * `src/live.config.ts`: reads the provider's API at request time, for previewing a draft on demand.
 * `loadEntry` renders the body to `rendered.html`; `loadCollection` returns data only (rendering
 * every body of a listing would be wasted work for a page that shows titles). Entries are the
 * build loader's and the CLI's: ids from core's naming rule over the listing (a name depends on
 * every item that wants it, so calls need the drafts in scope listed; one listing serves the calls
 * of `listingMaxAgeMs`) and data from core's `entryData`.
 */
export function robowriteLiveLoader(
  options: RobowriteLiveLoaderOptions = {},
): LiveLoader<
  RobowriteFrontmatter,
  RobowriteEntryFilter,
  RobowriteCollectionFilter,
  RobowriteLiveErrorType
> {
  // Options checked once; client, listings and renderer kept for every call this server serves.
  const parts = liveLoaderParts(options);
  return {
    name: 'robowrite-live',
    loadEntry: ({ filter, collection }) => loadLiveEntry(parts, collection, filter),
    loadCollection: ({ filter, collection }) => loadLiveCollection(parts, collection, filter),
  };
}
