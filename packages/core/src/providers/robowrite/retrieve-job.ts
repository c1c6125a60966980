import type { RoboWrite } from '../../client.ts';
import type { JobSnapshot } from '../../provider/v1/job-snapshot.ts';
import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import { FAILED_JOB_STATUSES, type Job, LANDED_JOB_STATUSES } from '../../schemas/job.ts';

/**
 * A `GET /jobs/{id}` answer in the engine's terms. Its status and error are API text the engine
 * prints and stores (the CLI's state file), so they are scrubbed of the key and of terminal
 * controls here, on the way in.
 */
export function toJobSnapshot(job: Job, scrub: (text: string) => string): JobSnapshot {
  const status = scrub(job.status);
  const outcome = LANDED_JOB_STATUSES.has(job.status)
    ? 'landed'
    : FAILED_JOB_STATUSES.has(job.status)
      ? 'failed'
      : 'running';
  return {
    jobId: job.job_id,
    status,
    outcome,
    draftId: job.content_item_id || null,
    error: job.error ? scrub(job.error) : null,
  };
}

export async function retrieveJob(
  client: RoboWrite,
  jobId: string,
  options: ProviderCallOptions = {},
): Promise<JobSnapshot> {
  const job = await client.jobs.retrieve(jobId, options.signal ? { signal: options.signal } : {});
  return toJobSnapshot(job, (text) => client.scrub(text));
}
