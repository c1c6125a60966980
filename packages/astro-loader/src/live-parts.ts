import type { RetrieveDraftOptions } from '@robowrite/core';
import {
  type LoaderConnection,
  loaderCredentials,
  type ProviderCache,
  providerCache,
} from './client.ts';
import { type LiveListings, liveListings } from './live-listings.ts';
import type { RobowriteLiveLoaderOptions } from './live-options.ts';
import { markdownRenderer } from './live-render.ts';
import { type ResolvedSourceOptions, resolveSourceOptions } from './options.ts';
import { DEFAULT_LISTING_MAX_AGE_MS } from './shared-listing.ts';

/** What every call of one live loader shares: its options and the server-long state. */
export interface LiveLoaderParts {
  options: RobowriteLiveLoaderOptions;
  resolved: ResolvedSourceOptions;
  /** What each read fetches besides the body. */
  include: RetrieveDraftOptions;
  /** The key and where to reach the API, read per call. */
  credentials: () => Promise<LoaderConnection>;
  providers: ProviderCache;
  listings: LiveListings;
  render: (markdown: string) => Promise<string>;
}

/** The parts of one `robowriteLiveLoader(options)`; throws a `TypeError` on a bad option. */
export function liveLoaderParts(options: RobowriteLiveLoaderOptions): LiveLoaderParts {
  const resolved = resolveSourceOptions(options);
  const maxAgeMs = options.listingMaxAgeMs ?? DEFAULT_LISTING_MAX_AGE_MS;
  if (!Number.isFinite(maxAgeMs) || maxAgeMs < 0) {
    throw new TypeError(
      `robowrite: \`listingMaxAgeMs\` must be a number of milliseconds, 0 or more; got ${typeof maxAgeMs === 'number' ? maxAgeMs : typeof maxAgeMs}.`,
    );
  }
  return {
    options,
    resolved,
    include: {
      scoring: resolved.include.includes('scoring'),
      sources: resolved.include.includes('sources'),
    },
    // The live loader runs inside the site's server, where no Astro context says where the
    // project is: `.env` is looked for in the directory the server was started from, the project
    // root for `astro dev` and for `node dist/server/entry.mjs` run there. Read per request (one
    // small file), so a key added to `.env` while the server runs is picked up.
    credentials: () => loaderCredentials(options, process.cwd()),
    // One client (connection pool, rate limiter) and provider for every request this server serves.
    providers: providerCache(options),
    listings: liveListings(maxAgeMs),
    render: markdownRenderer(options.markdown),
  };
}
