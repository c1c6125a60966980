import { InvalidEntryError, type ProviderV1, type RobowriteFrontmatter } from '@robowrite/core';
import type { LiveDataEntry } from 'astro';
import pLimit from 'p-limit';
import { statusesProblem } from './check-statuses.ts';
import { liveApiError } from './live-api-error.ts';
import { entryIdOf, type ListedEntry } from './live-entries.ts';
import { CACHE_TAG, toLiveEntry } from './live-entry-data.ts';
import { RobowriteLiveError, type RobowriteLiveErrorType } from './live-errors.ts';
import type { RobowriteCollectionFilter } from './live-options.ts';
import type { LiveLoaderParts } from './live-parts.ts';
import type { ResolvedSourceOptions, StatusOption } from './options.ts';

type LiveEntry = LiveDataEntry<RobowriteFrontmatter>;

/** Items of a collection read at once. */
const READS = 4;

/**
 * `loadCollection`: the first `limit` entries in the filter's statuses (and tag), read, data
 * only; a typed error for an unknown status (no request sent) or when the API fails.
 */
export async function loadLiveCollection(
  parts: LiveLoaderParts,
  collection: string,
  filter: RobowriteCollectionFilter | undefined,
): Promise<
  { entries: LiveEntry[]; cacheHint: { tags: string[] } } | { error: RobowriteLiveErrorType }
> {
  const found = await parts.credentials();
  try {
    const statuses = filterStatuses(filter, parts.resolved);
    const problem = statusesProblem(statuses, 'status');
    if (problem !== null) return { error: new RobowriteLiveError(collection, problem, null) };
    const provider = parts.providers.providerFor(found);
    const limit = filter?.limit ?? parts.options.limit ?? 20;
    const read = await listedEntries(parts, provider, statuses, limit);
    const tag = filter?.tag;
    return {
      entries: read.filter(
        (entry): entry is LiveEntry =>
          entry !== null && (tag === undefined || entry.data.tags.includes(tag)),
      ),
      cacheHint: { tags: [CACHE_TAG] },
    };
  } catch (error) {
    return { error: liveApiError(collection, error, found) };
  }
}

/**
 * The first `limit` entries in `statuses`, read (without bodies rendered). Named over the
 * loader's scope plus the statuses asked for, as the build loader names them: with no status
 * beyond the loader's, that is the very listing `loadEntry` uses, so the two share it.
 */
async function listedEntries(
  parts: LiveLoaderParts,
  provider: ProviderV1,
  statuses: readonly StatusOption[],
  limit: number,
): Promise<(LiveEntry | null)[]> {
  const { resolved } = parts;
  const scope = {
    brand: resolved.brand,
    statuses: [...new Set([...resolved.statuses, ...statuses])],
  };
  const wanted = new Set<string>(statuses);
  const listed = await parts.listings.entries(provider, scope, resolved.id);
  const entries = listed.filter((entry) => wanted.has(entry.summary.status));
  return pLimit(READS).map(entries.slice(0, limit), (entry) => readEntry(parts, provider, entry));
}

/** The statuses a `getLiveCollection` filter asks for, the loader's own when it names none. */
function filterStatuses(
  filter: RobowriteCollectionFilter | undefined,
  resolved: ResolvedSourceOptions,
): readonly StatusOption[] {
  if (filter?.status === undefined) return resolved.statuses;
  return typeof filter.status === 'string' ? [filter.status] : filter.status;
}

/**
 * One listed entry of a collection, read; null when it holds no draft or cannot be an entry
 * (core's size and schema checks), which the build loader leaves out too.
 */
async function readEntry(
  parts: LiveLoaderParts,
  provider: ProviderV1,
  entry: ListedEntry,
): Promise<LiveEntry | null> {
  try {
    const draft = await provider.retrieveDraft(entry.summary.id, parts.include);
    if (draft === null) return null;
    return toLiveEntry(draft, entryIdOf(entry, draft, parts.resolved.id), parts.resolved);
  } catch (error) {
    if (error instanceof InvalidEntryError) return null;
    throw error;
  }
}
