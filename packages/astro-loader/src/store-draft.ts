import type { Draft } from '@robowrite/core';
import { checkedFrontmatter, InvalidEntryError } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';

/**
 * The entry's digest: the version id and update time (a PATCH of title, slug or status moves the
 * update time without a new version) and the status. It is Astro's cache key for the entry.
 */
export function draftDigest(context: Pick<LoaderContext, 'generateDigest'>, draft: Draft): string {
  return context.generateDigest(`${draft.versionId ?? ''}|${draft.updatedAt}|${draft.status}`);
}

export type StoreOutcome = 'unchanged' | 'updated' | 'rendered';

/**
 * Puts one draft in the store. Nothing happens when the digest matches the stored entry; the
 * Markdown is rendered again only when the body itself changed, so a retitle or a status change
 * reuses the stored HTML. A draft that cannot be an entry (core's `checkedFrontmatter`: size
 * limit and shared schema, checked before rendering; then the collection's own schema) throws an
 * `InvalidEntryError` whose message is one line naming the item, and the store is not touched.
 */
export async function storeDraft(
  context: Pick<LoaderContext, 'store' | 'parseData' | 'renderMarkdown' | 'generateDigest'>,
  entryId: string,
  draft: Draft,
): Promise<StoreOutcome> {
  const digest = draftDigest(context, draft);
  const existing = context.store.get(entryId);
  if (existing?.digest === digest) return 'unchanged';
  const frontmatter = checkedFrontmatter(draft);
  const data = await context
    .parseData({ id: entryId, data: frontmatter as unknown as Record<string, unknown> })
    .catch((error: unknown) => {
      const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new InvalidEntryError(draft.id, `does not match the collection's schema: ${first}`);
    });
  const reuse = existing?.body === draft.body && existing.rendered !== undefined;
  const rendered = reuse ? existing.rendered : await context.renderMarkdown(draft.body);
  context.store.set({ id: entryId, data, body: draft.body, rendered, digest });
  return reuse ? 'updated' : 'rendered';
}
