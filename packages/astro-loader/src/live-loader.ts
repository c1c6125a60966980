import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import {
  APIError,
  type Draft,
  entryData,
  errorLine,
  InvalidEntryError,
  type NeutralizeOptions,
  neutralizeMarkdown,
  PROVIDER_LABELS,
  type ProviderV1,
  type RetrieveDraftOptions,
  type RobowriteFrontmatter,
  robowriteSchema,
} from '@robowrite/core';
import type { LiveDataEntry } from 'astro';
import type { LiveLoader } from 'astro/loaders';
import pLimit from 'p-limit';
import { statusesProblem } from './check-statuses.ts';
import { type LoaderConnection, loaderCredentials, providerCache } from './client.ts';
import { entryIdOf, findEntry, type ListedEntry, listEntries } from './live-entries.ts';
import { RobowriteEntryNotFoundError, RobowriteLiveError } from './live-errors.ts';
import {
  type ResolvedSourceOptions,
  type RobowriteSourceOptions,
  resolveSourceOptions,
  type StatusOption,
} from './options.ts';

/**
 * `getLiveEntry('c', 'x')` passes `{ id: 'x' }`: an item id, an entry id (what the build loader
 * and the CLI call the entry) or the item's slug, tried in that order.
 */
export interface RobowriteEntryFilter {
  id?: string;
  slug?: string;
}

export interface RobowriteCollectionFilter {
  /** One status or several; the loader's `statuses` when omitted. */
  status?: StatusOption | readonly StatusOption[];
  /** Only drafts carrying this tag. */
  tag?: string;
  /** At most this many items (each costs one request); the loader's `limit` when omitted. */
  limit?: number;
}

/** `allowRawHtml` (core's `NeutralizeOptions`): off by default, see the README's Security. */
export type RobowriteLiveLoaderOptions = RobowriteSourceOptions &
  NeutralizeOptions & {
    /** Markdown options for `@astrojs/markdown-remark` (plugins, syntax highlighting...). */
    markdown?: Parameters<typeof createMarkdownProcessor>[0];
    /** Default cap on items per `getLiveCollection` call. 20 unless set. */
    limit?: number;
  };

export type RobowriteLiveErrorType = RobowriteLiveError | RobowriteEntryNotFoundError;

/** Cache tag shared by every entry of these loaders (whichever the provider), to invalidate them all at once. */
export const CACHE_TAG = 'robowrite';
/** Cache tag of one item, stable across versions and slug changes. */
export const itemCacheTag = (itemId: string): string => `robowrite:${itemId}`;

/**
 * Live loader for `defineLiveCollection({ loader: robowriteLiveLoader() })` in
 * `src/live.config.ts`: reads the provider's API at request time, for previewing a draft on demand.
 * `loadEntry` renders the body to `rendered.html`; `loadCollection` returns data only (rendering
 * every body of a listing would be wasted work for a page that shows titles). Entries are the
 * build loader's and the CLI's: ids from core's naming rule over the listing (so every call lists
 * the drafts in scope first: a name depends on every item that wants it) and data from core's
 * `entryData`.
 */
export function robowriteLiveLoader(
  options: RobowriteLiveLoaderOptions = {},
): LiveLoader<
  RobowriteFrontmatter,
  RobowriteEntryFilter,
  RobowriteCollectionFilter,
  RobowriteLiveErrorType
> {
  const resolved = resolveSourceOptions(options);
  let renderer: Promise<MarkdownRenderer> | undefined;
  const render = async (markdown: string): Promise<string> => {
    renderer ??= createMarkdownProcessor(options.markdown);
    return (await (await renderer).render(markdown)).code;
  };
  // The live loader runs inside the site's server, where no Astro context says where the project
  // is: `.env` is looked for in the directory the server was started from, the project root for
  // `astro dev` and for `node dist/server/entry.mjs` run there. Read per request (one small file),
  // so a key added to `.env` while the server runs is picked up.
  const credentials = () => loaderCredentials(options, process.cwd());
  // One client (connection pool, rate limiter) and provider for every request this server serves.
  const providers = providerCache(options);
  const include: RetrieveDraftOptions = {
    scoring: resolved.include.includes('scoring'),
    sources: resolved.include.includes('sources'),
  };

  return {
    name: 'robowrite-live',
    loadEntry: async ({ filter, collection }) => {
      const lookup = filter.id ?? filter.slug;
      if (lookup === undefined || lookup === '') {
        return { error: new RobowriteEntryNotFoundError(collection, String(lookup)) };
      }
      const found = await credentials();
      try {
        const provider = providers.providerFor(found);
        const entry = await previewEntry(provider, lookup, resolved, include);
        // An item created but never generated has nothing to preview yet.
        if (entry === null) return { error: new RobowriteEntryNotFoundError(collection, lookup) };
        // The body is neutralised first (raw HTML escaped, unsafe URLs dropped), the same core
        // function the CLI and the build-time loader apply: `rendered.html` is safe for set:html.
        const body = neutralizeMarkdown(entry.body, {
          allowRawHtml: options.allowRawHtml === true,
        });
        return { ...entry.live, rendered: { html: await render(body) } };
      } catch (error) {
        return { error: apiError(collection, error, found) };
      }
    },
    loadCollection: async ({ filter, collection }) => {
      const found = await credentials();
      try {
        const statuses = filterStatuses(filter, resolved);
        const problem = statusesProblem(statuses, 'status');
        if (problem !== null) return { error: new RobowriteLiveError(collection, problem, null) };
        const provider = providers.providerFor(found);
        const limit = filter?.limit ?? options.limit ?? 20;
        const read = await listedEntries(provider, statuses, limit, resolved, include);
        const tag = filter?.tag;
        return {
          entries: read.filter(
            (entry): entry is LiveDataEntry<RobowriteFrontmatter> =>
              entry !== null && (tag === undefined || entry.data.tags.includes(tag)),
          ),
          cacheHint: { tags: [CACHE_TAG] },
        };
      } catch (error) {
        return { error: apiError(collection, error, found) };
      }
    },
  };
}

/** The entry a lookup means, read, with its body; null when nothing in scope matches. */
async function previewEntry(
  provider: ProviderV1,
  lookup: string,
  resolved: ResolvedSourceOptions,
  include: RetrieveDraftOptions,
): Promise<{ live: LiveDataEntry<RobowriteFrontmatter>; body: string } | null> {
  const entry = findEntry(await listEntries(provider, resolved, resolved.id), lookup);
  const draft = entry && (await provider.retrieveDraft(entry.summary.id, include));
  if (!entry || !draft) return null;
  const live = toLiveEntry(draft, entryIdOf(entry, draft, resolved.id), resolved);
  return { live, body: draft.body };
}

/**
 * The first `limit` entries in `statuses`, read (without bodies rendered). Named over the
 * loader's scope plus the statuses asked for, as the build loader names them.
 */
async function listedEntries(
  provider: ProviderV1,
  statuses: readonly StatusOption[],
  limit: number,
  resolved: ResolvedSourceOptions,
  include: RetrieveDraftOptions,
): Promise<(LiveDataEntry<RobowriteFrontmatter> | null)[]> {
  const scope = { brand: resolved.brand, statuses: [...resolved.statuses, ...statuses] };
  const wanted = new Set<string>(statuses);
  const entries = (await listEntries(provider, scope, resolved.id)).filter((entry) =>
    wanted.has(entry.summary.status),
  );
  return pLimit(4).map(entries.slice(0, limit), (entry) =>
    readEntry(provider, entry, include, resolved),
  );
}

/** The statuses a `getLiveCollection` filter asks for, the loader's own when it names none. */
function filterStatuses(
  filter: RobowriteCollectionFilter | undefined,
  resolved: ResolvedSourceOptions,
): readonly StatusOption[] {
  if (filter?.status === undefined) return resolved.statuses;
  return typeof filter.status === 'string' ? [filter.status] : filter.status;
}

function apiError(collection: string, error: unknown, connection: LoaderConnection) {
  const reason = errorLine(error, { secrets: [connection.apiKey] });
  return new RobowriteLiveError(
    collection,
    `${PROVIDER_LABELS[connection.provider]} request failed: ${reason}`,
    error instanceof APIError ? error.status : null,
    error instanceof Error ? error : undefined,
  );
}

/**
 * One listed entry of a collection, read; null when it holds no draft or cannot be an entry
 * (core's size and schema checks), which the build loader leaves out too.
 */
async function readEntry(
  provider: ProviderV1,
  entry: ListedEntry,
  include: RetrieveDraftOptions,
  resolved: ResolvedSourceOptions,
): Promise<LiveDataEntry<RobowriteFrontmatter> | null> {
  try {
    const draft = await provider.retrieveDraft(entry.summary.id, include);
    if (draft === null) return null;
    return toLiveEntry(draft, entryIdOf(entry, draft, resolved.id), resolved);
  } catch (error) {
    if (error instanceof InvalidEntryError) return null;
    throw error;
  }
}

/**
 * The entry: core's `entryData` for its id (the frontmatter the CLI writes), parsed by the shared
 * schema as Astro parses the build loader's. Ids from your own function keep the draft's slug.
 */
function toLiveEntry(
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
