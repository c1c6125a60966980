export type { FaultKind, FaultRule } from './faults.ts';
export { FAULT_KINDS, Faults, parseFaultFlag } from './faults.ts';
export { DEMO_API_KEY, SECOND_API_KEY } from './fixtures/demo.ts';
export { countWords } from './generator/words.ts';
export type { EmulatorOptions, RateLimitOptions } from './options.ts';
export { DEFAULT_JOB_DURATION_MS, DEFAULT_PORT, parseDuration, parseRateLimit } from './options.ts';
export type { Stats } from './runtime.ts';
export type { Emulator } from './server.ts';
export { BASE_PATH, startEmulator } from './server.ts';
export type { CraftedItem, JobOutcome } from './store/types.ts';
export { CONTENT_STATUSES, JOB_OUTCOMES } from './store/types.ts';
export {
  BLOG_POST_APPLICATION_ID,
  SOCIAL_POST_APPLICATION_ID,
  WRITER_DEMO_API_KEY,
  WRITER_SECOND_API_KEY,
} from './writer/applications.ts';
export type { WriterEmulatorOptions } from './writer/options.ts';
export type { WriterEmulator } from './writer/server.ts';
export type { WriterJobOutcome, WriterJobStatus } from './writer/types.ts';
export { WRITER_JOB_OUTCOMES, WRITER_JOB_STATUSES } from './writer/types.ts';
export {
  WRITERZROOM_DEMO_API_KEY,
  WRITERZROOM_DEPLETED_API_KEY,
} from './writerzroom/catalog.ts';
export { DEFAULT_ROUTE_LIMITS as WRITERZROOM_ROUTE_LIMITS } from './writerzroom/options.ts';
export { WRITERZROOM_DIALECT_PATHS } from './writerzroom/server.ts';
