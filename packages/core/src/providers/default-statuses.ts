import { DEFAULT_DRAFT_STATUSES } from '../draft/statuses.ts';
import type { ProviderName } from './provider-name.ts';
import { WRITER_DRAFT_STATUS } from './writer/to-draft.ts';
import { WRITERZROOM_DRAFT_STATUS } from './writerzroom/to-draft.ts';

const DEFAULTS: Readonly<Record<ProviderName, readonly string[]>> = Object.freeze({
  robowrite: DEFAULT_DRAFT_STATUSES,
  writerzroom: Object.freeze([WRITERZROOM_DRAFT_STATUS]),
  writer: Object.freeze([WRITER_DRAFT_STATUS]),
});

/**
 * The statuses a pull or a loader lists when its configuration names none: RoboWrite's
 * `DEFAULT_DRAFT_STATUSES` (`draft`, `in_review`, `published`); `completed` for WriterzRoom and
 * Writer, the only status whose generation holds a draft. One place, so no consumer hard-codes them.
 */
export function defaultDraftStatuses(provider: ProviderName): readonly string[] {
  return DEFAULTS[provider];
}
