import type { RoboWrite } from '@robowrite/core';
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
      const summary = item as unknown as Record<string, unknown>;
      if (scope.brand !== null && summary.brand_id !== scope.brand) continue;
      const id = String(summary.id);
      seen.set(id, {
        id,
        slug: typeof summary.slug === 'string' ? summary.slug : null,
        status: String(summary.status ?? status),
        marker: changeMarkerOf(summary),
      });
    }
  }
  return [...seen.values()];
}

function changeMarkerOf(summary: Record<string, unknown>): string | null {
  const version = text(summary.latest_version_id);
  const updated = text(summary.updated_at);
  if (version === null && updated === null) return null;
  return [version ?? '', updated ?? '', String(summary.status ?? '')].join('|');
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
