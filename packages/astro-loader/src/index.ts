export type { RobowriteFrontmatter, RobowriteFrontmatterInput } from '@robowrite/core';
export { robowriteSchema } from '@robowrite/core';
export { type RobowriteDevRefreshOptions, robowriteDevRefresh } from './dev-refresh.ts';
export { RobowriteSyncError } from './errors.ts';
export {
  RobowriteEntryNotFoundError,
  RobowriteLiveError,
} from './live-errors.ts';
export {
  type RobowriteCollectionFilter,
  type RobowriteEntryFilter,
  type RobowriteLiveLoaderOptions,
  robowriteLiveLoader,
} from './live-loader.ts';
export {
  LOADER_NAME,
  type RobowriteLoader,
  type RobowriteLoaderOptions,
  robowriteLoader,
} from './loader.ts';
export {
  DEFAULT_INCLUDE,
  DEFAULT_STATUSES,
  type IdStrategy,
  type IncludeOption,
  type RoboWriteSourceOptions,
  type RobowriteSourceOptions,
  type StatusOption,
  type WriterSourceOptions,
  type WriterzRoomSourceOptions,
} from './options.ts';
export type { SyncReport } from './sync-collection.ts';
