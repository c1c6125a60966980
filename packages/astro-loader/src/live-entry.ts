import {
  type Draft,
  neutralizeMarkdown,
  type ProviderV1,
  type RobowriteFrontmatter,
} from '@robowrite/core';
import type { LiveDataEntry } from 'astro';
import { liveApiError } from './live-api-error.ts';
import { entryIdOf } from './live-entries.ts';
import { toLiveEntry } from './live-entry-data.ts';
import { RobowriteEntryNotFoundError, type RobowriteLiveErrorType } from './live-errors.ts';
import type { RobowriteEntryFilter } from './live-options.ts';
import type { LiveLoaderParts } from './live-parts.ts';

/**
 * `loadEntry`: the entry a lookup means among the drafts in scope, read, its body neutralised and
 * rendered to `rendered.html`; a typed error when nothing matches or the API fails.
 */
export async function loadLiveEntry(
  parts: LiveLoaderParts,
  collection: string,
  filter: RobowriteEntryFilter,
): Promise<LiveDataEntry<RobowriteFrontmatter> | { error: RobowriteLiveErrorType }> {
  const lookup = filter.id ?? filter.slug;
  if (lookup === undefined || lookup === '') {
    return { error: new RobowriteEntryNotFoundError(collection, String(lookup)) };
  }
  const found = await parts.credentials();
  try {
    const provider = parts.providers.providerFor(found);
    const entry = await previewEntry(parts, provider, lookup);
    // An item created but never generated has nothing to preview yet.
    if (entry === null) return { error: new RobowriteEntryNotFoundError(collection, lookup) };
    // The body is neutralised first (raw HTML escaped, unsafe URLs dropped), the same core
    // function the CLI and the build-time loader apply: `rendered.html` is safe for set:html.
    const body = neutralizeMarkdown(entry.draft.body, {
      allowRawHtml: parts.options.allowRawHtml === true,
    });
    return { ...entry.live, rendered: { html: await parts.render(body) } };
  } catch (error) {
    return { error: liveApiError(collection, error, found) };
  }
}

/** The entry a lookup means, read, with its draft; null when nothing in scope matches. */
async function previewEntry(
  parts: LiveLoaderParts,
  provider: ProviderV1,
  lookup: string,
): Promise<{ live: LiveDataEntry<RobowriteFrontmatter>; draft: Draft } | null> {
  const { resolved } = parts;
  const scope = { brand: resolved.brand, statuses: resolved.statuses };
  // The listing may be one another call made moments ago (see shared-listing.ts).
  const entry = await parts.listings.find(provider, scope, resolved.id, lookup);
  const draft = entry && (await provider.retrieveDraft(entry.summary.id, parts.include));
  if (!entry || !draft) return null;
  return { live: toLiveEntry(draft, entryIdOf(entry, draft, resolved.id), resolved), draft };
}
