import { type ProviderV1, UnansweredGenerationError } from '@robowrite/core';
import { errorLine } from './error-line.ts';
import { hasLanded, isPending, jobOutcome, REQUESTING, resumeGeneration } from './jobs.ts';
import type { PullLog } from './pull-log.ts';
import type { SyncStateStore } from './sync-state.ts';
import { unansweredLine } from './unanswered-line.ts';

/** A landed job's item, read whatever the listing says about it. */
export interface JobItem {
  jobId: string;
  status: string;
}

interface JobStep {
  provider: ProviderV1;
  store: SyncStateStore;
  dryRun: boolean;
  signal: AbortSignal | undefined;
}

/** One pending record: finish its requests if a run was interrupted, then read where it is. */
async function advanceJob(step: JobStep, key: string): Promise<void> {
  const { provider, store, signal } = step;
  if (!step.dryRun) await resumeGeneration(provider, store, key, signal);
  const job = store.job(key);
  if (job?.jobId && !hasLanded(job)) {
    // Status and error come scrubbed of the key and of terminal controls: they go into the state.
    const snapshot = await provider.retrieveJob(job.jobId, { signal });
    store.recordJobSnapshot(key, {
      status: snapshot.status,
      outcome: snapshot.outcome,
      itemId: snapshot.draftId,
      error: snapshot.error,
    });
  }
}

/**
 * Pending jobs: finish interrupted requests, then read where each job is. Returns the items of
 * jobs that landed; a job that ended without an item is no longer polled. A record the API
 * refused outright is reported once, then no longer pending (a retry would fail the same); so is
 * one whose create was sent but never answered and cannot be found (it is never sent again).
 */
export async function advanceJobs(step: JobStep, log: PullLog): Promise<Map<string, JobItem>> {
  const items = new Map<string, JobItem>();
  for (const [key, pending] of step.store.jobs()) {
    if (!isPending(pending)) continue;
    try {
      await advanceJob(step, key);
    } catch (error) {
      const job = step.store.job(key);
      if (error instanceof UnansweredGenerationError) {
        // Never resent. Where the API lists such jobs, this pull's listing collects the job if
        // it exists: nothing to report. Elsewhere it is lost to us: said once. Either way the
        // record is done, and a rerun of its `generate` refuses the same way.
        if (!error.listed) log.fail(null, `job ${key}: ${unansweredLine(error)}`);
        step.store.markCollected(key, error.message);
        continue;
      }
      log.fail(job?.itemId ?? null, `job ${key}: ${errorLine(error)}`);
      const final = step.provider.generation?.isFinalRejection(error) ?? false;
      if (!job?.jobId && !step.dryRun && final) {
        step.store.recordJobFailed(key, errorLine(error));
      }
      continue;
    }
    const job = step.store.job(key);
    if (!job) continue;
    if (job.jobId && hasLanded(job) && job.itemId) {
      items.set(job.itemId, { jobId: job.jobId, status: job.status });
    } else if (jobOutcome(job) === 'landed' && !job.itemId) {
      // An outcome without an item: nothing will ever land, so stop polling it.
      step.store.markCollected(key, 'the job ended without a content item');
    }
    const failed = jobOutcome(job) === 'failed';
    if (job.status !== REQUESTING && (job.error || failed) && !hasLanded(job)) {
      log.fail(job.itemId, `job ${job.jobId} ${job.status}: ${job.error ?? 'no reason given'}`);
    }
  }
  await step.store.save();
  return items;
}
