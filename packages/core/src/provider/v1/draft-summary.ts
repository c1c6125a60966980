/** One listed draft: enough to decide, without reading it, whether it must be read. */
export interface DraftSummary {
  /** The id `retrieveDraft` takes; also the draft's `id`. */
  id: string;
  /** The slug the listing gives, when it gives one (names the entry before the read). */
  slug: string | null;
  /** The provider's status for it. */
  status: string;
  /**
   * Changes whenever anything the entry shows changes (core's `changeMarker` for RoboWrite).
   * Null when the listing carries nothing to compare: such a draft is always read.
   */
  marker: string | null;
}
