import { DEMO_APPLICATIONS } from './applications.ts';
import { jobData } from './suggestion.ts';
import type { WriterJob, WriterJobStatus } from './types.ts';

/**
 * A job's status is a pure function of elapsed time (as for RoboWrite's jobs): no timers run,
 * and a restored `--state` file resumes mid-run. A run lasts `duration_ms` from its start (the
 * creation, or the last retry), then reads its outcome.
 */
export function finishedAt(job: WriterJob): number {
  return job.run_started_ms + job.duration_ms;
}

export function writerJobStatus(job: WriterJob, now: number): WriterJobStatus {
  return now >= finishedAt(job) ? job.outcome : 'in_progress';
}

export const FAILED_JOB_ERROR =
  'The agent did not return a result: the model request timed out. Retry the job.';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * `GET /v1/applications/jobs/{job_id}` and list rows. Fields the guide's example shows are always
 * present, `null` when they do not apply yet (the guide's completed job reads `"error": null`);
 * `updated_at`, which the official SDK declares, is the last status change.
 */
export function presentWriterJob(job: WriterJob, now: number, seed: string) {
  const status = writerJobStatus(job, now);
  const done = status !== 'in_progress';
  const app = DEMO_APPLICATIONS.find((a) => a.id === job.application_id);
  return {
    id: job.id,
    status,
    application_id: job.application_id,
    created_at: iso(job.created_ms),
    updated_at: iso(done ? finishedAt(job) : job.run_started_ms),
    completed_at: done ? iso(finishedAt(job)) : null,
    data: status === 'completed' && app ? jobData(app, `${seed}:${job.id}`, job.inputs) : null,
    error: status === 'failed' ? FAILED_JOB_ERROR : null,
  };
}

/** The create and retry answer: the guide's `job_id` and the SDK's `id`, same value. */
export function presentAck(job: WriterJob, now: number) {
  return {
    id: job.id,
    job_id: job.id,
    status: writerJobStatus(job, now),
    created_at: iso(job.created_ms),
  };
}
