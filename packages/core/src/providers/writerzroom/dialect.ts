/**
 * The two documented dialects of one service: `api` (seed 000, the newest: `/api/...`,
 * `template`/`style_profile`, the status wrapped in `data`, `content` a string) and `v1` (seeds
 * 001 and 002: `/v1/...`, `template_id`/`style_profile_id`/`inputs`, `content` an object).
 */
export type WriterzRoomDialect = 'api' | 'v1';

export const WRITERZROOM_DIALECTS: readonly WriterzRoomDialect[] = Object.freeze(['api', 'v1']);

/** The newest document's dialect. */
export const DEFAULT_WRITERZROOM_DIALECT: WriterzRoomDialect = 'api';
