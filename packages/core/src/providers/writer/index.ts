export {
  type WriterApplication,
  type WriterApplicationInput,
  writerApplicationSchema,
} from './application.ts';
export { type ListJobsParams, WRITER_MAX_PAGE_SIZE, WriterClient } from './client.ts';
export { WRITER_BASE_URL, type WriterOptions } from './client-options.ts';
export {
  createWriterProvider,
  type WriterProvider,
  type WriterProviderOptions,
} from './create-provider.ts';
export {
  parseWriterInput,
  type WriterGenerateInput,
  writerGenerateInputSchema,
} from './generate-input.ts';
export { WRITER_POLL_INTERVAL_MS } from './generation.ts';
export { writerMarker } from './list-drafts.ts';
export { toWriterSnapshot } from './retrieve.ts';
export {
  type JobAck,
  WRITER_JOB_STATUSES,
  type WriterJob,
  type WriterJobList,
  type WriterJobStatus,
} from './schemas.ts';
export { toWriterDraft, WRITER_DRAFT_STATUS } from './to-draft.ts';
