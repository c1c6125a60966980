import { randomUUID } from 'node:crypto';
import type { SyncContext } from './context.ts';
import {
  findJob,
  fingerprint,
  type GenerateInput,
  generationOf,
  newJobRecord,
  resumeGeneration,
} from './jobs.ts';
import { withLock } from './lock.ts';
import { type PullResult, pull } from './pull.ts';
import type { JobState } from './state.ts';
import { SyncStateStore } from './sync-state.ts';
import { type WaitOptions, waitForJob } from './wait-for-job.ts';

export type { WaitOptions } from './wait-for-job.ts';

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
 * again. An API with no idempotency key (WriterzRoom, Writer) gets the send time saved instead,
 * and a rerun after a lost answer adopts the job or throws core's `UnansweredGenerationError`
 * (never a second create). `fresh` skips the lookup: a deliberate new run.
 */
export async function startGeneration(
  ctx: SyncContext,
  input: GenerateInput,
  options: { fresh?: boolean; signal?: AbortSignal } = {},
): Promise<StartedGeneration> {
  // Checked before any record or request: a mistake costs nothing upstream.
  const generation = generationOf(ctx.provider);
  const checkpoint = generation.newCheckpoint(generation.parseInput(input));
  return withLock(ctx.root, { command: 'generate' }, async () => {
    const { store, rejected } = await SyncStateStore.open(ctx.root, ctx.config.outDir);
    const found = options.fresh ? null : findJob(store.jobs(), fingerprint(input));
    const key = found?.[0] ?? randomUUID().slice(0, 8);
    if (!found) {
      store.addJob(key, newJobRecord(input, checkpoint));
      await store.save();
    }
    try {
      await resumeGeneration(ctx.provider, store, key, options.signal);
    } catch (error) {
      // The API (or core, or the lack of a brand or property) refused it: no job exists and
      // none ever will from this record, so keep it out of the state rather than leave every
      // later pull retrying it. Other failures keep the record so a rerun replays it.
      if (!store.job(key)?.jobId && generation.isFinalRejection(error)) {
        store.dropJob(key);
        await store.save();
      }
      throw error;
    }
    const job = store.job(key) as JobState;
    return { key, job, reused: found !== null, rejected };
  });
}

/** Polls the job to its outcome (no lock held while waiting), then writes its draft. */
export async function waitAndCollect(
  ctx: SyncContext,
  started: StartedGeneration,
  options: WaitOptions = {},
): Promise<{ job: JobState; pull: PullResult | null }> {
  const jobId = started.job.jobId;
  if (!jobId) throw new Error('the job has no id yet; rerun generate to finish sending it');
  // Status and error come scrubbed of the key and of terminal controls: they go into the state.
  const { status, outcome, draftId, error } = await waitForJob(ctx.provider, jobId, options);
  const snapshot = { status, outcome, itemId: draftId, error };
  const itemId = snapshot.itemId ?? started.job.itemId;
  if (!itemId || outcome !== 'landed') {
    // Record the outcome so `status` shows it.
    const recorded = await withLock(ctx.root, { command: 'generate' }, async () => {
      const { store } = await SyncStateStore.open(ctx.root, ctx.config.outDir);
      store.recordJobSnapshot(started.key, snapshot);
      await store.save();
      return store.job(started.key);
    });
    return { job: recorded ?? { ...started.job, ...snapshot, itemId }, pull: null };
  }
  const pulled = await pull(ctx, {
    only: [itemId],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const { store } = await SyncStateStore.open(ctx.root, ctx.config.outDir);
  return { job: store.job(started.key) ?? started.job, pull: pulled };
}
