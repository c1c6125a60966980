export { WriterzRoom } from './client.ts';
export { WRITERZROOM_BASE_URL, type WriterzRoomOptions } from './client-options.ts';
export {
  createWriterzRoomProvider,
  type WriterzRoomProvider,
  type WriterzRoomProviderOptions,
} from './create-provider.ts';
export {
  DEFAULT_WRITERZROOM_DIALECT,
  WRITERZROOM_DIALECTS,
  type WriterzRoomDialect,
} from './dialect.ts';
export { PaymentRequiredError, PermissionDeniedError } from './errors.ts';
export type {
  ApiGenerateInput,
  V1GenerateInput,
  WriterzRoomGenerateInput,
} from './generate-input.ts';
export { WRITERZROOM_POLL_INTERVAL_MS } from './generation.ts';
export type { GeneratedContent, GenerationStatus } from './generation-status.ts';
export {
  WRITERZROOM_RATE_LIMITS,
  WRITERZROOM_ROUTE_GROUPS,
  type WriterzRoomRateLimits,
  type WriterzRoomRouteGroup,
} from './rate-limits.ts';
export { toWriterzRoomDraft, WRITERZROOM_DRAFT_STATUS } from './to-draft.ts';
