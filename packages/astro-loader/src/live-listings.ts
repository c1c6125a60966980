import type { DraftScope, ProviderV1 } from '@robowrite/core';
import { findEntry, type ListedEntry, listEntries } from './live-entries.ts';
import type { IdStrategy } from './options.ts';
import { type SharedListing, sharedListing } from './shared-listing.ts';

type Entries = readonly ListedEntry[];

/** The live loader's named listings, shared between its calls per provider and scope. */
export interface LiveListings {
  /** The drafts in `scope` with their entry ids (see live-entries.ts), reused while fresh. */
  entries(provider: ProviderV1, scope: DraftScope, strategy: IdStrategy): Promise<Entries>;
  /** The listed entry a lookup means; a reused listing without it is listed again first. */
  find(
    provider: ProviderV1,
    scope: DraftScope,
    strategy: IdStrategy,
    lookup: string,
  ): Promise<ListedEntry | null>;
}

/**
 * One `sharedListing` per provider: a new key or base URL makes a new provider (see client.ts),
 * which starts with no listing, and the old one's listings go with it.
 */
export function liveListings(maxAgeMs: number): LiveListings {
  const byProvider = new WeakMap<ProviderV1, SharedListing<Entries>>();
  const listingsOf = (provider: ProviderV1): SharedListing<Entries> => {
    const known = byProvider.get(provider);
    if (known !== undefined) return known;
    const created = sharedListing<Entries>({ maxAgeMs });
    byProvider.set(provider, created);
    return created;
  };
  return {
    entries: (provider, scope, strategy) =>
      listingsOf(provider).listing(scopeKey(scope, strategy), () =>
        listEntries(provider, scope, strategy),
      ),
    find: (provider, scope, strategy, lookup) =>
      listingsOf(provider).find(
        scopeKey(scope, strategy),
        () => listEntries(provider, scope, strategy),
        (entries) => findEntry(entries, lookup),
      ),
  };
}

/**
 * What a listing depends on besides the provider: the brand, the statuses in the order they are
 * listed (a collection's `limit` keeps the first entries) and the id rule (your own function
 * names nothing at listing time, whichever it is).
 */
function scopeKey(scope: DraftScope, strategy: IdStrategy): string {
  const rule = typeof strategy === 'function' ? 'function' : strategy;
  return JSON.stringify([scope.brand, scope.statuses, rule]);
}
