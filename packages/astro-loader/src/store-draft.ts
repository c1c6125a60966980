import type { Draft, NeutralizeOptions } from '@robowrite/core';
import { entryData, InvalidEntryError, neutralizeMarkdown } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';

/**
 * The entry's digest: the version id and update time (a PATCH of title, slug or status moves the
 * update time without a new version), the status, and how the body was made safe (so turning
 * `allowRawHtml` on or off, or entries stored before bodies were neutralised, render again).
 * It is Astro's cache key for the entry.
 */
export function draftDigest(
  context: Pick<LoaderContext, 'generateDigest'>,
  draft: Draft,
  body: NeutralizeOptions,
): string {
  const html = body.allowRawHtml ? 'raw-html' : 'neutralized';
  return context.generateDigest(
    `${draft.versionId ?? ''}|${draft.updatedAt}|${draft.status}|${html}`,
  );
}

export type StoreOutcome = 'unchanged' | 'updated' | 'rendered';

/**
 * Puts one draft in the store. Nothing happens when the digest matches the stored entry; the
 * Markdown is rendered again only when the body itself changed, so a retitle or a status change
 * reuses the stored HTML. The entry's data is core's `entryData` for the entry's name (`slug`),
 * what the CLI writes as a file's frontmatter. A draft that cannot be an entry (size limit and
 * shared schema, checked before rendering; then the collection's own schema) throws an
 * `InvalidEntryError` whose message is one line naming the item, and the store is not touched.
 * The body stored and rendered is core's `neutralizeMarkdown` of the API's (the site's Markdown
 * pipeline passes raw HTML and `javascript:` links through as they are).
 */
export async function storeDraft(
  context: Pick<LoaderContext, 'store' | 'parseData' | 'renderMarkdown' | 'generateDigest'>,
  entryId: string,
  draft: Draft,
  options: NeutralizeOptions = {},
  slug: string = draft.slug,
): Promise<StoreOutcome> {
  const digest = draftDigest(context, draft, options);
  const existing = context.store.get(entryId);
  if (existing?.digest === digest) return 'unchanged';
  const frontmatter = entryData(draft, slug);
  const data = await context
    .parseData({ id: entryId, data: frontmatter as unknown as Record<string, unknown> })
    .catch((error: unknown) => {
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new InvalidEntryError(draft.id, `does not match the collection's schema: ${first}`);
    });
  const body = neutralizeMarkdown(draft.body, options);
  const reuse = existing?.body === body && existing.rendered !== undefined;
  const rendered = reuse ? existing.rendered : await context.renderMarkdown(body);
  context.store.set({ id: entryId, data, body, rendered, digest });
  return reuse ? 'updated' : 'rendered';
}
