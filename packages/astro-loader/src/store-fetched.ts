import { type DraftSummary, InvalidEntryError } from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';
import type { EntryClaims } from './entry-claims.ts';
import { assignEntryIds } from './entry-ids.ts';
import type { ResolvedSourceOptions } from './options.ts';
import type { Retrieved } from './retrieve-changed.ts';
import type { LogLines } from './scrubbed-logger.ts';
import { type StoreOutcome, storeDraft } from './store-draft.ts';
import type { SyncedItem } from './sync-state.ts';

type StoreContext = Pick<
  LoaderContext,
  'store' | 'parseData' | 'renderMarkdown' | 'generateDigest'
>;

/**
 * Names and stores the retrieved drafts (`drafts[i]` answers `changed[i]`). Entry ids are assigned
 * over what the last sync kept too, so a kept entry holds its id against newcomers. A draft that
 * cannot be an entry, or that failed to be read (`'failed'`), fails alone: its entry of the last
 * good sync stays. Items with no generated version (`'empty'`) are left out.
 */
export async function storeFetched(
  context: StoreContext,
  changed: readonly DraftSummary[],
  drafts: readonly Retrieved[],
  claims: EntryClaims,
  run: {
    known: Record<string, SyncedItem>;
    resolved: ResolvedSourceOptions;
    allowRawHtml: boolean;
    logger: LogLines;
  },
): Promise<StoreOutcome[]> {
  const fetched = changed.flatMap((summary, index) => {
    const draft = drafts[index] ?? 'failed';
    return typeof draft === 'string' ? [] : [{ draft, summary }];
  });
  const entryIds = assignEntryIds(
    fetched.map(({ draft }) => draft),
    claims.nextItems,
    run.resolved.id,
  );
  const outcomes: StoreOutcome[] = [];
  for (const { draft, summary } of fetched) {
    let entryId = entryIds.get(draft.id) ?? draft.id;
    const owner = claims.ownerOf(entryId);
    if (owner !== undefined && owner !== draft.id) {
      run.logger.warn(
        `items ${owner} and ${draft.id} share the id "${entryId}"; using ${draft.id}`,
      );
      entryId = draft.id;
    }
    // Named by core's rule (slug or item id), the entry's slug is its id, as a CLI file's slug
    // is its name (core's `entryData`); ids from your own function leave the draft's slug as is.
    const slug = typeof run.resolved.id === 'function' ? draft.slug : entryId;
    try {
      const neutralize = { allowRawHtml: run.allowRawHtml };
      outcomes.push(await storeDraft(context, entryId, draft, neutralize, slug));
    } catch (error) {
      if (!(error instanceof InvalidEntryError)) throw error;
      run.logger.error(`${error.message}; not loaded`);
      claims.keepPrevious(run.known[draft.id], draft.id, context.store);
      continue;
    }
    claims.claim(draft.id, { entryId, marker: summary.marker });
  }
  changed.forEach((summary, index) => {
    if (drafts[index] === 'failed')
      claims.keepPrevious(run.known[summary.id], summary.id, context.store);
  });
  return outcomes;
}
