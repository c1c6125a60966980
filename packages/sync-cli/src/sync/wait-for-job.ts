import { setTimeout as sleep } from 'node:timers/promises';
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  DEFAULT_POLL_TIMEOUT_MS,
  type JobSnapshot,
  type ProviderV1,
} from '@robowrite/core';

export interface WaitOptions {
  /** Time between polls; the provider's own (`generation.pollIntervalMs`) when not given. */
  intervalMs?: number;
  /** Deadline for the whole wait (default 30 minutes, the API guide's). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Every snapshot read, the final one included. */
  onUpdate?: (job: JobSnapshot) => void;
}

/** The job did not reach an outcome in time; the last status read says where it stood. */
export class JobWaitTimeoutError extends Error {
  override name = 'JobWaitTimeoutError';
  constructor(jobId: string, timeoutMs: number, last: JobSnapshot | null) {
    const status = last ? last.status : 'never read';
    super(`job ${jobId} did not finish within ${timeoutMs} ms (last status: ${status})`);
  }
}

/** Errors a later poll may not see again: the connection, the rate limit, the server's bad day. */
function isTransient(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  return (
    error instanceof APIError &&
    (error.status === 408 || error.status === 429 || error.status >= 500)
  );
}

/**
 * Polls a job through the provider until it lands or fails (`outcome` other than 'running').
 * Transient errors that outlived the client's own retries mean "poll again"; a poll never runs
 * past the deadline (its request is cut short there).
 */
export async function waitForJob(
  provider: ProviderV1,
  jobId: string,
  options: WaitOptions = {},
): Promise<JobSnapshot> {
  const intervalMs = options.intervalMs ?? provider.generation?.pollIntervalMs ?? 15_000;
  const timeoutMs = options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS;
  const { signal } = options;
  const deadline = Date.now() + timeoutMs;
  let last: JobSnapshot | null = null;
  for (;;) {
    const deadlineSignal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    const pollSignal = signal ? AbortSignal.any([signal, deadlineSignal]) : deadlineSignal;
    try {
      last = await provider.retrieveJob(jobId, { signal: pollSignal });
      options.onUpdate?.(last);
      if (last.outcome !== 'running') return last;
    } catch (error) {
      const timedOut = error instanceof APIUserAbortError && deadlineSignal.aborted;
      if (timedOut && !signal?.aborted) throw new JobWaitTimeoutError(jobId, timeoutMs, last);
      if (!isTransient(error)) throw error;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new JobWaitTimeoutError(jobId, timeoutMs, last);
    await sleep(Math.min(intervalMs, remaining), undefined, signal ? { signal } : {});
  }
}
