import { changeMarker, isInScope, type RoboWrite } from '@robowrite/core';
import type { ResolvedSourceOptions } from './options.ts';

/** What the loaders need from one `GET /content` summary. */
export interface ItemSummary {
  id: string;
  slug: string | null;
  status: string;
  /** Core's `changeMarker`, the one the CLI keeps in its state; null when the list has none. */
  marker: string | null;
}

/** The largest page the API allows: fewer list requests per sync. */
const PAGE_SIZE = 200;

/**
 * The summaries of every item in scope: one paginated list per status, each row kept or not by
 * core's `isInScope` (the brand filter the CLI applies too).
 */
export async function listItems(
  client: RoboWrite,
  scope: Pick<ResolvedSourceOptions, 'brand' | 'statuses'>,
  signal?: AbortSignal,
): Promise<ItemSummary[]> {
  const seen = new Map<string, ItemSummary>();
  for (const status of scope.statuses) {
    const page = client.content.list({ status, limit: PAGE_SIZE }, signal ? { signal } : {});
    for await (const item of page) {
      if (!isInScope(item, scope.brand)) continue;
      seen.set(item.id, {
        id: item.id,
        slug: item.slug ?? null,
        status: item.status,
        marker: changeMarker(item),
      });
    }
  }
  return [...seen.values()];
}
