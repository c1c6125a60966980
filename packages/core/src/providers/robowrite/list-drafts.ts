import type { RoboWrite } from '../../client.ts';
import type { DraftSummary } from '../../provider/v1/draft-summary.ts';
import type { DraftScope, ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import type { ContentItemSummary } from '../../schemas/content.ts';
import { changeMarker } from '../../sync/change-marker.ts';
import { isInScope } from '../../sync/scope.ts';

/** The largest page the API allows: fewest list requests per sync. */
export const LIST_PAGE_SIZE = 200;

/** One `GET /content` row as the engine sees it. */
export function toDraftSummary(item: ContentItemSummary): DraftSummary {
  return { id: item.id, slug: item.slug ?? null, status: item.status, marker: changeMarker(item) };
}

/**
 * The drafts in scope: one paginated `GET /content` list per status, each row kept or not by
 * core's `isInScope`, yielded a page at a time so memory stays flat however long the list. An id
 * listed under two statuses (an item that moved while the lists were read) comes once; only ids
 * are remembered across pages.
 */
export async function* listDrafts(
  client: RoboWrite,
  scope: DraftScope,
  options: ProviderCallOptions = {},
): AsyncGenerator<DraftSummary[], void, undefined> {
  const seen = new Set<string>();
  const request = options.signal ? { signal: options.signal } : {};
  for (const status of new Set(scope.statuses)) {
    const pages = client.content.list({ status, limit: LIST_PAGE_SIZE }, request).iterPages();
    for await (const page of pages) {
      const summaries: DraftSummary[] = [];
      for (const item of page.items) {
        if (seen.has(item.id) || !isInScope(item, scope.brand)) continue;
        seen.add(item.id);
        summaries.push(toDraftSummary(item));
      }
      if (summaries.length > 0) yield summaries;
    }
  }
}
