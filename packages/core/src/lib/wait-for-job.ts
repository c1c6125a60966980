import type { APIPromise } from '../core/api-promise.ts';
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  JobTimeoutError,
  RequestValidationError,
} from '../core/errors.ts';
import type { RequestOptions } from '../core/http-client.ts';
import type { LevelLogger } from '../core/logger.ts';
import { jitter, sleep } from '../core/sleep.ts';
import {
  IN_FLIGHT_STATUSES,
  type Job,
  type JobOutcomeStatus,
  OUTCOME_STATUSES,
} from '../schemas/job.ts';

/** The guide: poll every 15–30 s; treat anything under 25 min as normal, give up after 30. */
export const DEFAULT_POLL_INTERVAL_MS = 15_000;
export const DEFAULT_POLL_TIMEOUT_MS = 30 * 60_000;

export interface WaitForOptions {
  /** Base time between polls; each wait is spread ±20 % so pollers do not align. */
  intervalMs?: number;
  /** Deadline for the whole wait, after which a `JobTimeoutError` carries the last snapshot. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every snapshot read, including the final one. */
  onUpdate?: (job: Job) => void;
}

/** How a job ended, discriminated by `status`, with the snapshot that said so. */
export type JobResult = {
  [S in JobOutcomeStatus]: { status: S; job: Job & { status: S } };
}[JobOutcomeStatus];

const OUTCOMES: ReadonlySet<string> = new Set(OUTCOME_STATUSES);
const IN_FLIGHT: ReadonlySet<string> = new Set(IN_FLIGHT_STATUSES);

/** Errors a later poll may not see again: the connection, the rate limit, the server's bad day. */
function isTransient(error: unknown): boolean {
  if (error instanceof APIConnectionError) return true;
  return (
    error instanceof APIError &&
    (error.status === 408 || error.status === 429 || error.status >= 500)
  );
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RequestValidationError(`${name} must be a positive number of ms`, name);
  }
  return value;
}

/**
 * Polls a job until it reaches an outcome (`completed`, `completed_with_errors`, `failed`,
 * `cancelled`, or the stop-polling `awaiting_review`). In-flight reads, including the documented
 * quirks (a finished run still reading `running`, `queued` with an empty `workflow_id`), just
 * mean "poll again"; so does a status this client does not know (with a warning), and so do
 * transient errors that outlived the request's own retries. Each poll is an ordinary request, so
 * it draws from the client's rate limiter and honours its pause.
 */
export async function waitForJob(
  retrieve: (jobId: string, options: RequestOptions) => APIPromise<Job>,
  logger: LevelLogger,
  jobId: string,
  options: WaitForOptions = {},
): Promise<JobResult> {
  const intervalMs = positive(options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS, 'intervalMs');
  const timeoutMs = positive(options.timeoutMs ?? DEFAULT_POLL_TIMEOUT_MS, 'timeoutMs');
  const { signal, onUpdate } = options;
  const deadline = Date.now() + timeoutMs;
  const warned = new Set<string>();
  let last: Job | null = null;

  for (;;) {
    // A poll never runs past the deadline: its own retries and timeouts are cut short there.
    const deadlineSignal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    const pollSignal = signal ? AbortSignal.any([signal, deadlineSignal]) : deadlineSignal;
    try {
      const job = await retrieve(jobId, { signal: pollSignal });
      if (job.status !== last?.status) logger.info(`job ${jobId}: ${job.status}`);
      last = job;
      onUpdate?.(job);
      if (OUTCOMES.has(job.status)) return { status: job.status, job } as JobResult;
      if (!IN_FLIGHT.has(job.status) && !warned.has(job.status)) {
        warned.add(job.status);
        logger.warn(`job ${jobId} reports unknown status "${job.status}"; still polling`);
      }
    } catch (error) {
      if (error instanceof APIUserAbortError && !signal?.aborted && deadlineSignal.aborted) {
        throw new JobTimeoutError(jobId, timeoutMs, last);
      }
      if (!isTransient(error)) throw error;
      logger.warn(`polling job ${jobId} failed (${(error as Error).message}); still polling`);
    }

    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new JobTimeoutError(jobId, timeoutMs, last);
    try {
      await sleep(Math.min(jitter(intervalMs, 0.2), remaining), signal);
    } catch {
      throw new APIUserAbortError(`waiting for job ${jobId}: aborted by the caller`, {
        cause: signal?.reason,
      });
    }
  }
}
