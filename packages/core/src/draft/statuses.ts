/**
 * The content item statuses core knows: the lifecycle the guide describes (`draft` after the
 * brief flow, `in_review` after an `awaiting_review` autopilot run, `published` after a
 * `completed` one) plus `archived`, which a `PATCH` sets. The guide does not close the set (it
 * shows only `"status": "draft"`), so options that name statuses (CLI `statuses`, loader
 * `statuses`) accept any other status too; this list is for editors' completion and docs.
 */
export const CONTENT_ITEM_STATUSES = Object.freeze([
  'draft',
  'in_review',
  'published',
  'archived',
] as const);

/**
 * The status `robowrite publish` sets through `PATCH /content/items/{id}` once a draft is merged:
 * the one the guide's lifecycle ends in (topic autopilot `completed` on a brand with a CMS), and
 * the only one that renders an entry `draft: false` (`isDraft`).
 */
export const PUBLISHED_STATUS = 'published' satisfies (typeof CONTENT_ITEM_STATUSES)[number];

/** The status a file deleted on the published branch sets (opt-in): kept upstream, off the site. */
export const ARCHIVED_STATUS = 'archived' satisfies (typeof CONTENT_ITEM_STATUSES)[number];

export type ContentItemStatus = (typeof CONTENT_ITEM_STATUSES)[number];

export function isContentItemStatus(value: unknown): value is ContentItemStatus {
  return (CONTENT_ITEM_STATUSES as readonly unknown[]).includes(value);
}

/**
 * The RoboWrite content item statuses that hold a generated draft worth syncing, shared by the
 * CLI and the Astro loader so both paths bring in the same drafts by default:
 * - `draft`: the brief flow (`POST /content/items/{id}/generate`) leaves a `completed` item here;
 * - `in_review`: topic autopilot ended `awaiting_review` (a brand without a CMS);
 * - `published`: topic autopilot `completed` (a brand with a CMS).
 * `archived` is left out. An item in these statuses with no version yet (created, never
 * generated) has no draft: `hasDraftBody` tells the two apart.
 */
export const DEFAULT_DRAFT_STATUSES: readonly ContentItemStatus[] = Object.freeze([
  'draft',
  'in_review',
  'published',
]);

/** Whether a draft carries a generated version (an item created but never generated does not). */
export function hasDraftBody(draft: { versionId: string | null }): boolean {
  return draft.versionId !== null;
}
