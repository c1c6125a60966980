import { unknownStatusesWarning } from '../draft/unknown-statuses.ts';
import { defaultDraftStatuses } from './default-statuses.ts';
import { PROVIDER_LABELS, type ProviderName } from './provider-name.ts';

/**
 * One warning line about configured statuses that will sync nothing, or null. RoboWrite's set is
 * open, so its warning is `unknownStatusesWarning` (a likely typo). WriterzRoom's and Writer's
 * drafts are all `completed` (a running or failed generation has no output), so any other name
 * lists nothing for that provider: said once, before anything is listed, instead of an empty sync
 * without a word. The CLI and the loaders print this same line.
 */
export function statusesWarning(
  provider: ProviderName,
  statuses: readonly string[],
): string | null {
  if (provider === 'robowrite') return unknownStatusesWarning(statuses);
  const drafts = defaultDraftStatuses(provider);
  const empty = [...new Set(statuses)].filter((status) => !drafts.includes(status));
  if (empty.length === 0) return null;
  const named = empty.map((status) => JSON.stringify(status)).join(', ');
  return (
    `status ${named} holds no ${PROVIDER_LABELS[provider]} draft (only ` +
    `${drafts.map((status) => `"${status}"`).join(', ')} does); nothing is synced for it`
  );
}
