export { type ClientOptions, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, RoboWrite } from './client.ts';
export { APIPromise, type ResponseInfo, type WithResponse } from './core/api-promise.ts';
export { type ErrorLineOptions, errorLine } from './core/error-line.ts';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  EdgeBlockedError,
  InternalServerError,
  JobTimeoutError,
  NotFoundError,
  PaginationError,
  type PaginationStopReason,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  RoboWriteError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from './core/errors.ts';
export type { HttpMethod, RequestOptions } from './core/http-client.ts';
export type { Logger, LogLevel } from './core/logger.ts';
export { organizationRateLimiter } from './core/organization-rate-limiter.ts';
export { Page, type PageEnvelope, PagePromise } from './core/pagination.ts';
export { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './core/rate-limiter.ts';
export {
  MIN_SECRET_LENGTH,
  REDACTED,
  type ScrubTextOptions,
  scrubDeep,
  scrubText,
  textScrubber,
} from './core/scrub-text.ts';
export {
  apiKeysFrom,
  CREDENTIAL_VARIABLES,
  type CredentialsOf,
  credentialsFrom,
  type ProjectEnv,
  type ResolveCredentialsOptions,
  type RobowriteCredentials,
  readProjectEnv,
  resolveApiKeys,
  resolveCredentials,
  type WriterCredentials,
  type WriterzRoomCredentials,
} from './credentials.ts';
export type { Draft, DraftScoring, DraftSource } from './draft/draft.ts';
export {
  checkDraftSize,
  checkedFrontmatter,
  InvalidEntryError,
  MAX_DRAFT_BODY_BYTES,
} from './draft/entry-check.ts';
export {
  assignEntryNames,
  type EntryNameInput,
  type EntryNameSource,
  entryNameInput,
  entryNameSuffix,
  safeEntryName,
} from './draft/entry-name.ts';
export {
  isDraft,
  type RobowriteFrontmatter,
  type RobowriteFrontmatterInput,
  robowriteSchema,
  toFrontmatter,
} from './draft/frontmatter.ts';
export { idRecord } from './draft/id-record.ts';
export { type NeutralizeOptions, neutralizeMarkdown } from './draft/neutralize-markdown.ts';
export { isSafeUrl, SAFE_URL_SCHEMES } from './draft/safe-url.ts';
export {
  ARCHIVED_STATUS,
  CONTENT_ITEM_STATUSES,
  type ContentItemStatus,
  DEFAULT_DRAFT_STATUSES,
  hasDraftBody,
  isContentItemStatus,
  PUBLISHED_STATUS,
} from './draft/statuses.ts';
export { latestVersion, toDraft } from './draft/to-draft.ts';
export { unknownStatusesWarning } from './draft/unknown-statuses.ts';
export type { FlowOptions } from './lib/flow-options.ts';
export type {
  GenerateFromBriefParams,
  GenerateFromBriefResult,
} from './lib/generate-from-brief.ts';
export type {
  GenerateFromTopicParams,
  GenerateFromTopicResult,
} from './lib/generate-from-topic.ts';
export {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_POLL_TIMEOUT_MS,
  type JobResult,
  type WaitForOptions,
} from './lib/wait-for-job.ts';
export type * from './provider/v1/index.ts';
export { UnansweredGenerationError } from './provider/v1/unanswered-generation.ts';
export * from './providers/index.ts';
export * from './providers/robowrite/index.ts';
export * from './providers/writer/index.ts';
export * from './providers/writerzroom/index.ts';
export type { BrandListParams } from './resources/brands.ts';
export type { PropertyListParams } from './resources/properties.ts';
export type { TopicContentParams } from './resources/topics.ts';
export * from './schemas/brand.ts';
export * from './schemas/brief.ts';
export {
  type Deleted,
  deletedSchema,
  type Ping,
  pageSchema,
  pingSchema,
} from './schemas/common.ts';
export * from './schemas/content.ts';
export * from './schemas/document.ts';
export * from './schemas/job.ts';
export * from './schemas/property.ts';
export * from './schemas/scoring-warning.ts';
export * from './schemas/taxonomy.ts';
export * from './schemas/topic.ts';
export { changeMarker, type MarkerFields } from './sync/change-marker.ts';
export { entryData } from './sync/entry-data.ts';
export { isInScope, type ScopeFields } from './sync/scope.ts';
export { VERSION } from './version.ts';
