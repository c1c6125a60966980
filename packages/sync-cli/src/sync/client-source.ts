import {
  changeMarker,
  type Draft,
  type DraftScope,
  type DraftSummary,
  FAILED_JOB_STATUSES,
  hasDraftBody,
  isInScope,
  type JobSnapshot,
  LANDED_JOB_STATUSES,
  type ProviderCallOptions,
  type RetrieveDraftOptions,
  type RoboWrite,
  toDraft,
} from '@robowrite/core';
import { legacyMarker } from './listed-freshness.ts';

/** A listed draft, with the marker an older robowrite stored for it (recognised, never written). */
export interface ListedDraft extends DraftSummary {
  legacyMarker: string | null;
}

/**
 * What a pull reads the API through: the `ProviderV1` calls it makes, over the RoboWrite client.
 * It counts the requests it sends, so no caller counts them by hand.
 */
export interface DraftSource {
  listDrafts(scope: DraftScope, options?: ProviderCallOptions): AsyncIterable<ListedDraft[]>;
  retrieveDraft(id: string, options?: RetrieveDraftOptions): Promise<Draft | null>;
  retrieveJob(jobId: string, options?: ProviderCallOptions): Promise<JobSnapshot>;
  requestCount(): number;
}

export function clientSource(client: RoboWrite): DraftSource {
  let requests = 0;
  return {
    async *listDrafts(scope, options = {}) {
      for (const status of scope.statuses) {
        const pages = client.content.list({ status, limit: 200 }, { signal: options.signal });
        for await (const page of pages.iterPages()) {
          requests++;
          // Core's rule, the loader's too: brand, and whether it was ever generated.
          const inScope = page.items.filter((summary) => isInScope(summary, scope.brand));
          yield inScope.map((summary) => ({
            id: summary.id,
            slug: summary.slug ?? null,
            status: summary.status,
            marker: changeMarker(summary),
            legacyMarker: legacyMarker(summary),
          }));
        }
      }
    },
    async retrieveDraft(id, options = {}) {
      const include: ('scoring' | 'sources')[] = [];
      if (options.scoring) include.push('scoring');
      if (options.sources) include.push('sources');
      requests++;
      const draft = toDraft(
        await client.content.retrieve(id, { include }, { signal: options.signal }),
      );
      return hasDraftBody(draft) ? draft : null;
    },
    async retrieveJob(jobId, options = {}) {
      requests++;
      const job = await client.jobs.retrieve(jobId, { signal: options.signal });
      const outcome = LANDED_JOB_STATUSES.has(job.status)
        ? 'landed'
        : FAILED_JOB_STATUSES.has(job.status)
          ? 'failed'
          : 'running';
      return {
        jobId: job.job_id,
        status: job.status,
        outcome,
        draftId: job.content_item_id ?? null,
        error: job.error ?? null,
      };
    },
    requestCount: () => requests,
  };
}
