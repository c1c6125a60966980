import type { ProviderCallOptions } from '../../provider/v1/provider-v1.ts';
import { WRITER_MAX_PAGE_SIZE, type WriterClient } from './client.ts';
import type { WriterJob } from './schemas.ts';

/**
 * The job an attempt created when its create request's answer was lost, if it can be told
 * apart: the one job of the application created at or after the request was sent. A job row
 * carries no inputs (seed 003, the SDK's types), so the time is all there is to match on. Two
 * or more such jobs (another client, or a later run) are ambiguous, none means the request may
 * not have arrived or the clocks disagree: `null` both times, and nothing is guessed. The list
 * is newest first, so one page of the largest size holds every candidate, or more than one.
 */
export async function jobSentAt(
  client: WriterClient,
  applicationId: string,
  sent: Date,
  options: ProviderCallOptions = {},
): Promise<WriterJob | null> {
  const page = await client.listJobs(
    applicationId,
    { limit: WRITER_MAX_PAGE_SIZE, offset: 0 },
    options.signal ? { signal: options.signal } : {},
  );
  const since = sent.getTime();
  const candidates = page.result.filter((job) => {
    const created = Date.parse(job.created_at);
    return !Number.isNaN(created) && created >= since;
  });
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}
