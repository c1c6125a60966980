import { CONTENT_ITEM_STATUSES, isContentItemStatus } from '@robowrite/core';

/**
 * Why a list of statuses cannot be used, in one line naming the bad value and the allowed ones,
 * or null when every status is one the API knows. Checked before any request: the API would
 * answer an unknown status with a 422 whose cause is hard to see from a build log.
 */
export function statusesProblem(statuses: readonly unknown[], option: string): string | null {
  if (statuses.length === 0) {
    return `robowrite: \`${option}\` must name at least one content item status.`;
  }
  const unknown = statuses.find((status) => !isContentItemStatus(status));
  if (unknown === undefined) return null;
  return (
    `robowrite: unknown content item status ${JSON.stringify(unknown)} in \`${option}\`; ` +
    `allowed: ${CONTENT_ITEM_STATUSES.join(', ')}.`
  );
}
