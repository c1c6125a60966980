import { randomUUID } from 'node:crypto';
import type { Job } from '@robowrite/core';
import type { SyncContext } from './context.ts';
import {
  applyJobSnapshot,
  findJob,
  fingerprint,
  type GenerateInput,
  isFinalRejection,
  newJobRecord,
  sendJobRequests,
} from './jobs.ts';
import { withLock } from './lock.ts';
import { type PullResult, pull } from './pull.ts';
import { type JobState, loadState, readState, writeState } from './state.ts';

export interface StartedGeneration {
  key: string;
  job: JobState;
  /** True when an earlier record with the same input was found (replayed or still running). */
  reused: boolean;
  /** State entries ignored (and left out when the state was saved), one line each. */
  rejected: string[];
}

/**
 * Starts a generation. The input was checked locally already (commands/validate-generate.ts).
 * The record and its idempotency keys are saved before any request, so a run killed
 * mid-request and rerun replays the same requests (the API answers with the original job)
 * instead of paying for a second one; a request the API refuses outright removes the record
 * again. `fresh` skips the lookup: a deliberate new run.
 */
export async function startGeneration(
  ctx: SyncContext,
  input: GenerateInput,
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<StartedGeneration> {
  return withLock(ctx.root, { command: 'generate' }, async () => {
    const { state, rejected } = await loadState(ctx.root, ctx.config.outDir);
    const save = async () => {
      await writeState(ctx.root, state);
    };
    const found = options.fresh ? null : findJob(state, fingerprint(input));
    let key: string;
    let job: JobState;
    if (found) {
      [key, job] = found;
    } else {
      key = randomUUID().slice(0, 8);
      job = newJobRecord(input);
      state.jobs[key] = job;
      await save();
    }
    try {
      await sendJobRequests(ctx, job, save, options.signal);
    } catch (error) {
      // The API (or core, or the lack of a brand or property) refused it: no job exists and
      // none ever will from this record, so keep it out of the state rather than leave every
      // later pull retrying it. Other failures keep the record so a rerun replays it.
      if (!job.jobId && isFinalRejection(error)) {
        delete state.jobs[key];
        await save();
      }
      throw error;
    }
    return { key, job, reused: found !== null, rejected };
  });
}

export interface WaitOptions {
  intervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onUpdate?: (job: Job) => void;
}

/** Polls the job to its outcome (no lock held while waiting), then writes its draft. */
export async function waitAndCollect(
  ctx: SyncContext,
  started: StartedGeneration,
  options: WaitOptions = {},
): Promise<{ job: JobState; pull: PullResult | null }> {
  const jobId = started.job.jobId;
  if (!jobId) throw new Error('the job has no id yet; rerun generate to finish sending it');
  const result = await ctx.client.jobs.waitFor(jobId, {
    ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onUpdate ? { onUpdate: options.onUpdate } : {}),
  });
  applyJobSnapshot(started.job, result.job, ctx.apiKey);
  const itemId = started.job.itemId;
  if (!itemId || (result.status !== 'awaiting_review' && !result.status.startsWith('completed'))) {
    // Record the outcome so `status` shows it.
    await withLock(ctx.root, { command: 'generate' }, async () => {
      const state = await readState(ctx.root, ctx.config.outDir);
      const record = state.jobs[started.key];
      if (record) applyJobSnapshot(record, result.job, ctx.apiKey);
      await writeState(ctx.root, state);
    });
    return { job: started.job, pull: null };
  }
  const pulled = await pull(ctx, {
    only: [itemId],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const state = await readState(ctx.root, ctx.config.outDir);
  return { job: state.jobs[started.key] ?? started.job, pull: pulled };
}
