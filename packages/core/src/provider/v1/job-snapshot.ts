/**
 * Where a generation job stands, in the engine's terms. `status` is the provider's own word
 * (RoboWrite `awaiting_review`, WriterzRoom `processing`, Writer `in_progress`); `outcome` is
 * what the engine acts on:
 * - 'running': poll again later;
 * - 'landed': finished with a draft, which `draftId` names (null when the API ended the job
 *   without one: nothing will ever land, so the engine stops polling it);
 * - 'failed': finished without a draft (failed, cancelled); `error` says why when the API does.
 */
export interface JobSnapshot {
  jobId: string;
  status: string;
  outcome: 'running' | 'landed' | 'failed';
  /** The id `retrieveDraft` takes for this job's draft, once known. */
  draftId: string | null;
  error: string | null;
}
