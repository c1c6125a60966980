import type { Draft } from '../../draft/draft.ts';
import type { JobSnapshot } from '../../provider/v1/job-snapshot.ts';
import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import type { WriterClient } from './client.ts';
import type { WriterJob } from './schemas.ts';
import { toWriterDraft, WRITER_DRAFT_STATUS } from './to-draft.ts';

const request = (options: ProviderCallOptions) =>
  options.signal ? { signal: options.signal } : {};

/** A job's draft (its id is the job id): null until the job has completed. */
export async function retrieveDraft(
  client: WriterClient,
  jobId: string,
  options: ProviderCallOptions = {},
): Promise<Draft | null> {
  const job = await client.retrieveJob(jobId, request(options));
  if (job.status !== WRITER_DRAFT_STATUS) return null;
  return toWriterDraft(job, client.scrub);
}

/**
 * A job in the engine's terms: `completed` lands with the job id as the draft id, `failed` fails
 * with Writer's `error` on one line, `in_progress` (and any status the seed does not name) runs.
 * Status and error are API text the engine prints and stores: scrubbed here, on the way in.
 */
export function toWriterSnapshot(job: WriterJob, scrub: (text: string) => string): JobSnapshot {
  const base = { jobId: job.id, status: scrub(job.status), draftId: null, error: null };
  if (job.status === 'failed') {
    const error =
      scrub(job.error ?? '')
        .replace(/\s+/g, ' ')
        .trim() || 'job failed';
    return { ...base, outcome: 'failed', error };
  }
  if (job.status === WRITER_DRAFT_STATUS) return { ...base, outcome: 'landed', draftId: job.id };
  return { ...base, outcome: 'running' };
}

export async function retrieveJob(
  client: WriterClient,
  jobId: string,
  options: ProviderCallOptions = {},
): Promise<JobSnapshot> {
  return toWriterSnapshot(await client.retrieveJob(jobId, request(options)), client.scrub);
}
