import { z } from 'zod';
import { undocumented } from './common.ts';

/** The `202 Accepted` of a generation call. `workflow_id` may be empty (a documented quirk). */
export const jobCreatedSchema = z.looseObject({
  job_id: z.string(),
  workflow_id: z.string().nullable(),
  status: z.string(),
});
export type JobCreated = z.infer<typeof jobCreatedSchema>;

export const IN_FLIGHT_STATUSES = ['pending', 'queued', 'running'] as const;
export const OUTCOME_STATUSES = [
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
  'awaiting_review',
] as const;
export type JobOutcomeStatus = (typeof OUTCOME_STATUSES)[number];
/**
 * Outcomes with a draft to collect (`awaiting_review`: generated, waiting for a person). A set of
 * strings: statuses read back (from the API, from a state file) are any string.
 */
export const LANDED_JOB_STATUSES: ReadonlySet<string> = new Set<JobOutcomeStatus>([
  'completed',
  'completed_with_errors',
  'awaiting_review',
]);
/** Outcomes with nothing to collect. */
export const FAILED_JOB_STATUSES: ReadonlySet<string> = new Set<JobOutcomeStatus>([
  'failed',
  'cancelled',
]);
/** Known statuses; the schema still accepts any string so a new one never breaks polling. */
export type JobStatus = (typeof IN_FLIGHT_STATUSES)[number] | JobOutcomeStatus;

/** `GET /jobs/{id}`: ids of the item and version arrive here, not on the 202. */
export const jobSchema = z.looseObject({
  job_id: z.string(),
  status: z.string(),
  content_item_id: z.string().nullish(),
  content_version_id: z.string().nullish(),
  error: z.string().nullish(),
  workflow_id: undocumented.string(),
});
export type Job = z.infer<typeof jobSchema>;
