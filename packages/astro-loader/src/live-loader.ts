import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import {
  APIError,
  type Draft,
  hasDraftBody,
  type NeutralizeOptions,
  neutralizeMarkdown,
  type RoboWrite,
  type RobowriteFrontmatter,
  robowriteSchema,
  toDraft,
  toFrontmatter,
} from '@robowrite/core';
import type { LiveDataEntry } from 'astro';
import type { LiveLoader } from 'astro/loaders';
import pLimit from 'p-limit';
import { statusesProblem } from './check-statuses.ts';
import { clientCache, loaderCredentials } from './client.ts';
import { describeError } from './errors.ts';
import { listItems } from './list-items.ts';
import { RobowriteEntryNotFoundError, RobowriteLiveError } from './live-errors.ts';
import {
  entryIdFor,
  type ResolvedSourceOptions,
  type RobowriteSourceOptions,
  resolveSourceOptions,
  type StatusOption,
} from './options.ts';

/** `getLiveEntry('c', 'x')` passes `{ id: 'x' }`; an id that is no item id is tried as a slug. */
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
export interface RobowriteLiveLoaderOptions extends RobowriteSourceOptions, NeutralizeOptions {
  /** Markdown options for `@astrojs/markdown-remark` (plugins, syntax highlighting...). */
  markdown?: Parameters<typeof createMarkdownProcessor>[0];
  /** Default cap on items per `getLiveCollection` call. 20 unless set. */
  limit?: number;
}

export type RobowriteLiveErrorType = RobowriteLiveError | RobowriteEntryNotFoundError;

/** Cache tag shared by every RoboWrite entry, to invalidate them all at once. */
export const CACHE_TAG = 'robowrite';
/** Cache tag of one item, stable across versions and slug changes. */
export const itemCacheTag = (itemId: string): string => `robowrite:${itemId}`;

/**
 * Live loader for `defineLiveCollection({ loader: robowriteLiveLoader() })` in
 * `src/live.config.ts`: reads the API at request time, for previewing a draft on demand.
 * `loadEntry` renders the body to `rendered.html`; `loadCollection` returns data only (rendering
 * every body of a listing would be wasted work for a page that shows titles).
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
  // One client (connection pool, rate limiter) for every request this server serves.
  const clients = clientCache(options);

  return {
    name: 'robowrite-live',
    loadEntry: async ({ filter, collection }) => {
      const lookup = filter.id ?? filter.slug;
      if (lookup === undefined || lookup === '') {
        return { error: new RobowriteEntryNotFoundError(collection, String(lookup)) };
      }
      const found = await credentials();
      try {
        const client = clients.clientFor(found);
        const draft = await findDraft(client, filter, resolved);
        // An item created but never generated has nothing to preview yet.
        if (draft === null || !hasDraftBody(draft)) {
          return { error: new RobowriteEntryNotFoundError(collection, lookup) };
        }
        // The body is neutralised first (raw HTML escaped, unsafe URLs dropped), the same core
        // function the CLI and the build-time loader apply: `rendered.html` is safe for set:html.
        const body = neutralizeMarkdown(draft.body, {
          allowRawHtml: options.allowRawHtml === true,
        });
        return { ...toLiveEntry(draft, resolved), rendered: { html: await render(body) } };
      } catch (error) {
        return { error: apiError(collection, error, found.apiKey) };
      }
    },
    loadCollection: async ({ filter, collection }) => {
      const found = await credentials();
      try {
        const statuses = filterStatuses(filter, resolved);
        const problem = statusesProblem(statuses, 'status');
        if (problem !== null) return { error: new RobowriteLiveError(collection, problem, null) };
        const client = clients.clientFor(found);
        const summaries = await listItems(client, { brand: resolved.brand, statuses });
        const limit = filter?.limit ?? options.limit ?? 20;
        const drafts = await pLimit(4).map(summaries.slice(0, limit), (summary) =>
          retrieveDraft(client, summary.id, resolved),
        );
        const tag = filter?.tag;
        return {
          entries: drafts
            .filter((draft) => hasDraftBody(draft))
            .filter((draft) => tag === undefined || draft.tags.includes(tag))
            .map((draft) => toLiveEntry(draft, resolved)),
          cacheHint: { tags: [CACHE_TAG] },
        };
      } catch (error) {
        return { error: apiError(collection, error, found.apiKey) };
      }
    },
  };
}

/** The statuses a `getLiveCollection` filter asks for, the loader's own when it names none. */
function filterStatuses(
  filter: RobowriteCollectionFilter | undefined,
  resolved: ResolvedSourceOptions,
): readonly StatusOption[] {
  if (filter?.status === undefined) return resolved.statuses;
  return typeof filter.status === 'string' ? [filter.status] : filter.status;
}

function apiError(collection: string, error: unknown, apiKey: string | undefined) {
  return new RobowriteLiveError(
    collection,
    `RoboWrite request failed: ${describeError(error, apiKey)}`,
    error instanceof APIError ? error.status : null,
    error instanceof Error ? error : undefined,
  );
}

async function retrieveDraft(
  client: RoboWrite,
  itemId: string,
  resolved: ResolvedSourceOptions,
): Promise<Draft> {
  return toDraft(await client.content.retrieve(itemId, { include: [...resolved.include] }));
}

/** By item id first; an id that is no item (404, or 422 for a malformed id) is tried as a slug. */
async function findDraft(
  client: RoboWrite,
  filter: RobowriteEntryFilter,
  resolved: ResolvedSourceOptions,
): Promise<Draft | null> {
  if (filter.id !== undefined) {
    try {
      const item = await client.content.retrieve(filter.id, { include: [...resolved.include] });
      if (resolved.brand === null || item.brand_id === resolved.brand) return toDraft(item);
    } catch (error) {
      if (!(error instanceof APIError && (error.status === 404 || error.status === 422))) {
        throw error;
      }
    }
  }
  const slug = filter.slug ?? filter.id;
  const summaries = await listItems(client, resolved);
  const match = summaries.find((summary) => summary.slug === slug);
  return match ? retrieveDraft(client, match.id, resolved) : null;
}

function toLiveEntry(
  draft: Draft,
  resolved: ResolvedSourceOptions,
): LiveDataEntry<RobowriteFrontmatter> {
  return {
    id: entryIdFor(draft, resolved.id),
    data: robowriteSchema.parse(toFrontmatter(draft)),
    cacheHint: {
      tags: [CACHE_TAG, itemCacheTag(draft.id)],
      lastModified: new Date(draft.updatedAt),
    },
  };
}
