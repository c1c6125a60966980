import { type ProviderV1, UnansweredGenerationError } from '@robowrite/core';
import { errorLine } from './error-line.ts';
import type { JobSchedule } from './job-schedule.ts';
import { hasLanded, isPending, jobOutcome, REQUESTING, resumeGeneration } from './jobs.ts';
import type { PullLog } from './pull-log.ts';
import type { JobState } from './state.ts';
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
  /**
   * A watching process's poll schedule: only the jobs it says are due are polled. Without one
   * (a one-shot `pull`), every pending job is polled once: a run that may not come again soon
   * should learn all it can, at one request per job.
   */
  schedule?: JobSchedule | undefined;
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

/** What a poll says for the schedule: still running, landed on an item, or ended otherwise. */
function pollResult(job: Readonly<JobState>): 'running' | 'landed' | 'ended' {
  if (hasLanded(job)) return 'landed';
  return jobOutcome(job) === 'running' ? 'running' : 'ended';
}

/**
 * The records to advance this run: every pending one without a schedule; with one, those still
 * to be sent or already landed (no request) and the running jobs the schedule says are due.
 */
function recordsToAdvance(step: JobStep, now: number): string[] {
  const pending = [...step.store.jobs()].filter(([, job]) => isPending(job));
  const { schedule } = step;
  if (!schedule) return pending.map(([key]) => key);
  const running: [string, number][] = [];
  const free: string[] = [];
  for (const [key, job] of pending) {
    if (!job.jobId || jobOutcome(job) !== 'running') free.push(key);
    else running.push([key, Date.parse(job.startedAt ?? '') || now]);
  }
  return [...free, ...schedule.due(running, now)];
}

/** A record that failed to advance: reported; a refusal that is final ends it. */
function advanceFailed(step: JobStep, log: PullLog, key: string, error: unknown): void {
  const job = step.store.job(key);
  if (error instanceof UnansweredGenerationError) {
    // Never resent. Where the API lists such jobs, this pull's listing collects the job if
    // it exists: nothing to report. Elsewhere it is lost to us: said once. Either way the
    // record is done, and a rerun of its `generate` refuses the same way.
    if (!error.listed) log.fail(null, `job ${key}: ${unansweredLine(error)}`);
    step.store.markCollected(key, error.message);
    return;
  }
  log.fail(job?.itemId ?? null, `job ${key}: ${errorLine(error)}`);
  const final = step.provider.generation?.isFinalRejection(error) ?? false;
  if (!job?.jobId && !step.dryRun && final) {
    step.store.recordJobFailed(key, errorLine(error));
  }
}

/** Where a record stands after its poll: its landed item, a job that ended without one, a failure. */
function settleRecord(step: JobStep, log: PullLog, key: string, items: Map<string, JobItem>) {
  const job = step.store.job(key);
  if (!job) return;
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

/**
 * Pending jobs: finish interrupted requests, then read where each due job is. Returns the items
 * of jobs that landed; a job that ended without an item is no longer polled. A record the API
 * refused outright is reported once, then no longer pending (a retry would fail the same); so is
 * one whose create was sent but never answered and cannot be found (it is never sent again).
 */
export async function advanceJobs(step: JobStep, log: PullLog): Promise<Map<string, JobItem>> {
  const items = new Map<string, JobItem>();
  for (const key of recordsToAdvance(step, Date.now())) {
    const before = step.store.job(key);
    // Only a job that is running is polled (a record still to send is sent first, then polled).
    const polled = before !== undefined && !hasLanded(before);
    try {
      await advanceJob(step, key);
    } catch (error) {
      // A poll that failed waits its turn like one that was answered, not every cycle.
      if (polled) step.schedule?.polled(key, Date.now(), 'failed');
      advanceFailed(step, log, key, error);
      continue;
    }
    const job = step.store.job(key);
    if (polled && job) step.schedule?.polled(key, Date.now(), pollResult(job));
    settleRecord(step, log, key, items);
  }
  await step.store.save();
  return items;
}
