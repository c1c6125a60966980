import type { DraftSummary } from '@robowrite/core';

/**
 * What changes when anything in scope does: a draft landed, moved status, got a new version
 * (its change marker) or went away. Sorted, so the listing's order does not count.
 */
export function draftsFingerprint(items: readonly DraftSummary[]): string {
  return items
    .map((item) => `${item.id}|${item.status}|${item.marker ?? ''}`)
    .sort()
    .join('\n');
}
