/** What a `GET /content` summary says about whether its item belongs on this site. */
export interface ScopeFields {
  brand_id?: string | null | undefined;
  latest_version_id?: string | null | undefined;
}

/**
 * Whether a listed item is one this site syncs, the one rule the CLI and the Astro loader apply
 * to every summary of the per-status lists they request:
 * - with a brand set, an item of another brand is out; an item whose summary names no brand is
 *   kept. Every content item has a brand (the single-item read requires `brand_id`), but the
 *   guide does not promise it on list rows, so a missing one means "not said", not "no brand":
 *   dropping those would empty a brand-scoped site against a list that leaves the field out.
 * - an item the list marks as never generated (`latest_version_id: null`) is out: no draft.
 */
export function isInScope(summary: ScopeFields, brand: string | null): boolean {
  if (brand !== null && summary.brand_id && summary.brand_id !== brand) return false;
  return summary.latest_version_id !== null;
}
