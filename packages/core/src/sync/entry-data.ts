import type { Draft } from '../draft/draft.ts';
import { checkedFrontmatter } from '../draft/entry-check.ts';
import type { RobowriteFrontmatterInput } from '../draft/frontmatter.ts';

/**
 * What an entry contains, decided once for both paths: the frontmatter of the CLI's file and the
 * `data` of the loader's entry are this, for the same draft and the same entry name (core's
 * `assignEntryNames`: the CLI's file stem, the loader's entry id). The name is the entry's
 * `slug`, because Astro's `glob()` uses a file's `slug` as its entry id. It depends only on the
 * draft, which both paths read from the API: nothing from the CLI's own state (such as the job
 * that generated the item) goes in, so `draft` follows the item's status on both paths.
 * Checked against `robowriteSchema` (throws `InvalidEntryError`).
 */
export function entryData(draft: Draft, entryName: string): RobowriteFrontmatterInput {
  return checkedFrontmatter({ ...draft, slug: entryName });
}
