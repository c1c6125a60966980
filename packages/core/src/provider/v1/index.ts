export type { DraftSummary } from './draft-summary.ts';
export type {
  GenerationCheckpoint,
  GenerationV1,
  StartedJob,
  StartGenerationOptions,
} from './generation.ts';
export type { JobSnapshot } from './job-snapshot.ts';
export type {
  DraftScope,
  ProviderCallOptions,
  ProviderV1,
  RetrieveDraftOptions,
} from './provider-v1.ts';
export type { PublishedItem, PublishingV1 } from './publishing.ts';
