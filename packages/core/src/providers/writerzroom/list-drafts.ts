import { createHash } from 'node:crypto';
import { safeEntryName } from '../../draft/entry-name.ts';
import type { DraftSummary } from '../../provider/v1/draft-summary.ts';
import type { DraftScope, ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import type { WriterzRoom } from './client.ts';
import type { V1ContentSummary } from './schemas.ts';
import { WRITERZROOM_DRAFT_STATUS } from './to-draft.ts';

/** The listing arrives whole (no pagination is documented); it is handed on in pages this big. */
export const LIST_PAGE_SIZE = 100;

/**
 * Changes whenever the entry could: `updated_at` moves on every save or section rewrite (the
 * emulator's documented behaviour), and the title and word count are in too in case a server
 * forgets to move it. Null without `updated_at`: such an item is always read.
 */
function marker(item: V1ContentSummary): string | null {
  if (!item.updated_at) return null;
  const fields = JSON.stringify([item.updated_at, item.title ?? null, item.word_count ?? null]);
  return createHash('sha256').update(fields).digest('hex').slice(0, 32);
}

/**
 * `GET /v1/content` as summaries. Every saved item is a finished generation, status
 * `completed`: a scope without that status lists nothing. Ids are content ids, the ids
 * `retrieveDraft` and `retrieveJob` give for the same drafts.
 */
export async function* listDrafts(
  client: WriterzRoom,
  scope: DraftScope,
  options?: ProviderCallOptions,
): AsyncIterable<DraftSummary[]> {
  if (client.dialect !== 'v1' || !scope.statuses.includes(WRITERZROOM_DRAFT_STATUS)) return;
  const items = await client.listContent(options?.signal ? { signal: options.signal } : undefined);
  const seen = new Set<string>();
  const summaries: DraftSummary[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const title = item.title?.trim();
    summaries.push({
      id: item.id,
      slug: title ? safeEntryName(client.scrub(title)) : null,
      status: WRITERZROOM_DRAFT_STATUS,
      marker: marker(item),
    });
  }
  for (let start = 0; start < summaries.length; start += LIST_PAGE_SIZE) {
    yield summaries.slice(start, start + LIST_PAGE_SIZE);
  }
}
