import { createHash } from 'node:crypto';
import { checkNextOffset, checkNotRepeated, type PageWalk } from '../../core/page-walk.ts';
import { safeEntryName } from '../../draft/entry-name.ts';
import type { DraftSummary } from '../../provider/v1/draft-summary.ts';
import type { DraftScope, ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import { WRITER_MAX_PAGE_SIZE, type WriterClient } from './client.ts';
import type { WriterJob } from './schemas.ts';
import { suggestionTitle } from './suggestion-title.ts';
import { scrubbedSuggestion, WRITER_DRAFT_STATUS } from './to-draft.ts';

/**
 * Changes whenever the entry could: a run's end moves `completed_at` (the emulator's retry
 * starts a new run under the same id), and the id keeps two jobs apart. Null without
 * `completed_at`: such a job is always read. Hashed, so no API text is stored as the marker.
 */
export function writerMarker(job: WriterJob): string | null {
  if (!job.completed_at) return null;
  return createHash('sha256')
    .update(JSON.stringify([job.id, job.completed_at]))
    .digest('hex')
    .slice(0, 32);
}

function toSummary(job: WriterJob, scrub: (text: string) => string): DraftSummary {
  const suggestion = job.data?.suggestion ?? '';
  const title = suggestionTitle(
    scrubbedSuggestion(suggestion, scrub),
    job.data?.title ? scrub(job.data.title) : null,
  );
  return {
    id: job.id,
    slug: title ? safeEntryName(title) : null,
    status: WRITER_DRAFT_STATUS,
    marker: writerMarker(job),
  };
}

/**
 * The drafts of one application: `GET .../jobs?status=completed`, walked by `offset` (sent
 * explicitly, `0` included: the API pages from any offset; only the SDK's auto-pager stops after
 * a first page at offset 0) until a page is empty or the walk reaches `totalCount`. Newest
 * first, and a completed job stays completed, so a job completing mid-walk only pushes rows down:
 * a row is seen twice (dropped by `seen`), never skipped. Core's page-walk guards stop a server
 * that ignores `offset` or never ends.
 */
async function* applicationDrafts(
  client: WriterClient,
  applicationId: string,
  seen: Set<string>,
  options: ProviderCallOptions,
): AsyncGenerator<DraftSummary[], void, undefined> {
  const request = options.signal ? { signal: options.signal } : {};
  const walk: PageWalk = {
    path: () => `/v1/applications/${applicationId}/jobs`,
    start: 0,
    firstTotal: 0,
  };
  let previous: readonly unknown[] = [];
  for (let offset = 0, pageNumber = 1; ; pageNumber++) {
    const page = await client.listJobs(
      applicationId,
      { status: 'completed', limit: WRITER_MAX_PAGE_SIZE, offset },
      request,
    );
    if (pageNumber === 1) walk.firstTotal = page.totalCount;
    const position = { walk, requestedOffset: offset, pageNumber };
    checkNotRepeated(position, previous, page.result);
    previous = page.result;
    const summaries = page.result
      .filter((job) => job.status === WRITER_DRAFT_STATUS && !seen.has(job.id))
      .map((job) => toSummary(job, client.scrub));
    for (const summary of summaries) seen.add(summary.id);
    if (summaries.length > 0) yield summaries;
    const next = offset + page.result.length;
    if (page.result.length === 0 || next >= page.totalCount) return;
    const shape = {
      offset,
      total: page.totalCount,
      limit: WRITER_MAX_PAGE_SIZE,
      items: page.result,
    };
    checkNextOffset(position, shape, next);
    offset = next;
  }
}

/**
 * Writer's statuses are a job's (`in_progress`, `completed`, `failed`), and only a completed job
 * has a draft: a scope with `completed` lists every configured application's completed jobs; the
 * other two statuses add nothing (a running or failed job has no output to write), so a scope
 * without `completed` lists nothing. Each job comes once, across applications too.
 */
export async function* listDrafts(
  client: WriterClient,
  applicationIds: readonly string[],
  scope: DraftScope,
  options: ProviderCallOptions = {},
): AsyncGenerator<DraftSummary[], void, undefined> {
  if (!scope.statuses.includes(WRITER_DRAFT_STATUS)) return;
  const seen = new Set<string>();
  for (const applicationId of new Set(applicationIds)) {
    yield* applicationDrafts(client, applicationId, seen, options);
  }
}
