/**
 * Which rules turned drafts into the files on disk. Bump `RENDER_RULES` whenever a change to the
 * rendering or to the neutralising of bodies would write different text for the same draft: the
 * next pull then re-renders every tracked file, instead of leaving files written under the old
 * rules (raw HTML from before the neutraliser, say) in place until their draft changes upstream.
 */
export const RENDER_RULES = 1;

/**
 * Recorded once in the state (`rendered`), not per item, so state.json only changes when the
 * rules or the config do. A state without it was written by a robowrite before this field, whose
 * files may hold raw HTML.
 */
export function renderFingerprint(config: { allowRawHtml: boolean }): string {
  return `${RENDER_RULES}/${config.allowRawHtml ? 'raw-html' : 'neutralized'}`;
}
