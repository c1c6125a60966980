import type { ContentItemSummary, RoboWrite } from '@robowrite/core';
import type { ResolvedSourceOptions } from './options.ts';

/** What the loaders need from one `GET /content` summary. */
export interface ItemSummary {
  id: string;
  slug: string | null;
  status: string;
  /**
   * What changes whenever the item or its latest version does (latest version id and update
   * time), or null when the list does not carry one: the guide does not promise it.
   */
  marker: string | null;
}

/** The largest page the API allows: fewer list requests per sync. */
const PAGE_SIZE = 200;

/** The summaries of every item in scope: one paginated list per status, filtered by brand. */
export async function listItems(
  client: RoboWrite,
  scope: Pick<ResolvedSourceOptions, 'brand' | 'statuses'>,
  signal?: AbortSignal,
): Promise<ItemSummary[]> {
  const seen = new Map<string, ItemSummary>();
  for (const status of scope.statuses) {
    const page = client.content.list({ status, limit: PAGE_SIZE }, signal ? { signal } : {});
    for await (const item of page) {
      if (scope.brand !== null && item.brand_id !== scope.brand) continue;
      // A list that carries markers says outright when an item was never generated: no draft.
      if (item.latest_version_id === null) continue;
      seen.set(item.id, {
        id: item.id,
        slug: item.slug ?? null,
        status: item.status,
        marker: changeMarkerOf(item),
      });
    }
  }
  return [...seen.values()];
}

function changeMarkerOf(item: ContentItemSummary): string | null {
  const version = item.latest_version_id || null;
  const updated = item.updated_at || null;
  if (version === null && updated === null) return null;
  return [version ?? '', updated ?? '', item.status].join('|');
}
