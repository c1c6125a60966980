export { type ProjectEnv, readProjectEnv } from '@robowrite/core';
export { CLI_VERSION, run } from './cli.ts';
export { type Credentials, MissingKeyError, readCredentials } from './config/credentials.ts';
export {
  CONFIG_FILE,
  configSchema,
  DEFAULT_OUT_DIR,
  DEFAULT_STATUSES,
  defineConfig,
  type ResolvedConfig,
  type RobowriteConfigInput,
} from './config/define-config.ts';
export { ConfigError, loadConfig, parseConfig } from './config/load-config.ts';
export { PULL_HEAP_GROWING_PERCENT, PULL_NODE_FLAGS, PULL_SEMI_SPACE_MB } from './heap-flags.ts';
export { isTempFile, writeFileAtomic } from './sync/atomic-write.ts';
export { type ContextOverrides, createContext, type SyncContext } from './sync/context.ts';
export {
  FrontmatterRoundTripError,
  parseLikeAstro,
  renderMarkdown,
  serializeMarkdown,
} from './sync/frontmatter.ts';
export { type StartedGeneration, startGeneration, waitAndCollect } from './sync/generate.ts';
export type { GenerateInput } from './sync/jobs.ts';
export { acquireLock, LockBusyError, withLock } from './sync/lock.ts';
export { assignNames, safeStem } from './sync/naming.ts';
export { type PlanAction, planFile, planUnread } from './sync/planner.ts';
export { type PullOptions, type PullResult, pull } from './sync/pull.ts';
export { planReads, settleNames } from './sync/read-plan.ts';
export { readState, type SyncStateFile } from './sync/state.ts';
export { getStatus, type StatusReport } from './sync/status.ts';
export { watchLoop } from './sync/watch.ts';
