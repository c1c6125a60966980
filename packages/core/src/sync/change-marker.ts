/** What a `GET /content` summary says about when its item last changed. */
export interface MarkerFields {
  status: string;
  latest_version_id?: string | null | undefined;
  updated_at?: string | null | undefined;
}

/**
 * The change marker of a listed item: the one rule the CLI (state.json) and the Astro loader
 * (the collection's meta) compare to decide whether an item must be read again. It holds the
 * latest version id, the update time and the status: the status sets the entry's `draft` flag,
 * and the guide does not promise that a status change moves the update time. Null when the list
 * carries neither version nor update time (the guide does not promise them): such an item is
 * always read. An empty string counts as absent.
 */
export function changeMarker(summary: MarkerFields): string | null {
  const version = summary.latest_version_id || null;
  const updated = summary.updated_at || null;
  if (version === null && updated === null) return null;
  return [version ?? '', updated ?? '', summary.status].join('|');
}
