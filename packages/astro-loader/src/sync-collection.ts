import { fileURLToPath } from 'node:url';
import {
  type Draft,
  hasDraftBody,
  InvalidEntryError,
  type NeutralizeOptions,
  RequestValidationError,
  toDraft,
  unknownStatusesWarning,
} from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';
import pLimit from 'p-limit';
import { type ClientCache, loaderCredentials } from './client.ts';
import { assignEntryIds } from './entry-ids.ts';
import { describeError, RobowriteSyncError } from './errors.ts';
import { idRecord } from './id-record.ts';
import { type ItemSummary, listItems } from './list-items.ts';
import type { ResolvedSourceOptions, RobowriteSourceOptions } from './options.ts';
import { scrubbedLogger } from './scrubbed-logger.ts';
import { type StoreOutcome, storeDraft } from './store-draft.ts';
import { syncHint } from './sync-hint.ts';
import {
  fullReloadReason,
  readSyncState,
  SYNC_STATE_FORMAT,
  type SyncedItem,
  writeSyncState,
} from './sync-state.ts';

/** `allowRawHtml` (core's `NeutralizeOptions`): off by default, see the README's Security. */
export interface SyncOptions extends RobowriteSourceOptions, NeutralizeOptions {
  /**
   * When the API fails during a sync, keep the entries of the last successful sync and log a
   * warning instead of failing the build. Off by default: a build should not silently ship stale
   * content. A first sync with nothing to keep fails either way.
   */
  keepStaleOnError?: boolean;
  /** Item retrieves in flight at once; the client's rate limiter still paces them. */
  concurrency?: number;
}

export interface SyncReport {
  listed: number;
  fetched: number;
  rendered: number;
  removed: number;
  fullReload: boolean;
}

/**
 * One sync of a collection: list what is in scope, retrieve only the items whose change marker
 * moved (all of them when the list carries no marker, or the stored marker cannot be trusted),
 * store them, then drop every entry no listed item claims. Nothing in the store or the meta
 * changes until every request has succeeded, so a failed sync leaves the last good data whole.
 */
export async function syncCollection(
  context: LoaderContext,
  options: SyncOptions,
  resolved: ResolvedSourceOptions,
  clients: ClientCache,
): Promise<SyncReport | null> {
  const { store, meta } = context;
  // The `.env` of the Astro project, wherever the build was started from.
  const credentials = await loaderCredentials(options, fileURLToPath(context.config.root));
  const logger = scrubbedLogger(context.logger, credentials.apiKey);
  const scope = context.generateDigest(
    JSON.stringify({
      brand: resolved.brand,
      statuses: resolved.statuses,
      include: resolved.include,
      id: typeof resolved.id === 'function' ? resolved.id.toString() : resolved.id,
      // A change re-fetches every item, so each body is neutralised (or not) anew.
      allowRawHtml: options.allowRawHtml === true,
    }),
  );
  const previous = readSyncState(meta);
  const reloadReason = fullReloadReason(previous, scope);
  const known: Record<string, SyncedItem> =
    reloadReason === null && previous ? previous.items : idRecord();
  if (reloadReason !== null) logger.info(`full sync: ${reloadReason}`);
  const statusWarning = unknownStatusesWarning(resolved.statuses);
  if (statusWarning !== null) logger.warn(statusWarning);
  let summaries: ItemSummary[];
  let changed: ItemSummary[];
  let drafts: (Draft | null)[];
  try {
    const client = clients.clientFor(credentials, logger);
    summaries = await listItems(client, resolved);
    changed = summaries.filter((summary) => needsFetch(summary, known[summary.id], store));
    const unmarked = summaries.filter((summary) => summary.marker === null).length;
    if (unmarked > 0) {
      logger.info(
        `${unmarked} listed items carry no change marker: retrieving them to compare versions`,
      );
    }
    drafts = await pLimit(options.concurrency ?? 4).map(changed, async (summary) => {
      try {
        return toDraft(
          await client.content.retrieve(summary.id, { include: [...resolved.include] }),
        );
      } catch (error) {
        // An id the client refuses to put in a URL ("..", "a/b") is this item's own data, not an
        // outage: it fails alone, in one line, like a draft that fails the entry check.
        if (!(error instanceof RequestValidationError && error.path === 'itemId')) throw error;
        logger.error(
          `item ${JSON.stringify(summary.id)}: ${describeError(error, credentials.apiKey)}; not loaded`,
        );
        return null;
      }
    });
  } catch (error) {
    const reason = describeError(error, credentials.apiKey);
    const kept = store.keys().length;
    if (options.keepStaleOnError && kept > 0) {
      logger.warn(`sync failed (${reason}); keeping the ${kept} entries of the last sync`);
      return null;
    }
    throw new RobowriteSyncError(
      `RoboWrite sync of collection "${context.collection}" failed: ${reason}`,
      syncHint(error, kept),
    );
  }

  const nextItems = idRecord<SyncedItem>();
  // entry id -> item id: which item owns each entry the store should keep.
  const claimed = new Map<string, string>();
  const fetchedIds = new Set(changed.map((summary) => summary.id));
  for (const summary of summaries) {
    const entry = known[summary.id];
    if (fetchedIds.has(summary.id) || entry === undefined) continue;
    nextItems[summary.id] = entry;
    claimed.set(entry.entryId, summary.id);
  }

  const outcomes: StoreOutcome[] = [];
  const retrieved = drafts.map((draft, index) => ({
    draft,
    summary: changed[index] as ItemSummary,
  }));
  const fetched = retrieved.flatMap(({ draft, summary }) =>
    draft !== null && hasDraftBody(draft) ? [{ draft, summary }] : [],
  );
  // Named over what the last sync kept too, so a kept entry holds its id against newcomers.
  const entryIds = assignEntryIds(
    fetched.map(({ draft }) => draft),
    nextItems,
    resolved.id,
  );
  for (const { draft, summary } of fetched) {
    let entryId = entryIds.get(draft.id) ?? draft.id;
    const owner = claimed.get(entryId);
    if (owner !== undefined && owner !== draft.id) {
      logger.warn(`items ${owner} and ${draft.id} share the id "${entryId}"; using ${draft.id}`);
      entryId = draft.id;
    }
    // With the slug as id, the entry's slug is that safe id, as a CLI file's slug is its name.
    const slug = resolved.id === 'slug' ? entryId : draft.slug;
    try {
      const neutralize = { allowRawHtml: options.allowRawHtml === true };
      outcomes.push(await storeDraft(context, entryId, draft, neutralize, slug));
    } catch (error) {
      if (!(error instanceof InvalidEntryError)) throw error;
      // This item fails alone: one line, and the entry of its last good sync (if any) stays.
      logger.error(`${error.message}; not loaded`);
      keepPrevious(known[draft.id], draft.id, { claimed, nextItems, store });
      continue;
    }
    claimed.set(entryId, draft.id);
    nextItems[draft.id] = { entryId, marker: summary.marker };
  }

  for (const { draft, summary } of retrieved) {
    if (draft === null) keepPrevious(known[summary.id], summary.id, { claimed, nextItems, store });
  }

  let removed = 0;
  for (const entryId of store.keys()) {
    if (claimed.has(entryId)) continue;
    store.delete(entryId);
    removed++;
  }

  writeSyncState(meta, {
    format: SYNC_STATE_FORMAT,
    scope,
    syncedAt: new Date().toISOString(),
    items: nextItems,
  });
  const report: SyncReport = {
    listed: summaries.length,
    fetched: drafts.length,
    rendered: outcomes.filter((outcome) => outcome === 'rendered').length,
    removed,
    fullReload: reloadReason !== null,
  };
  logger.info(
    `synced ${report.listed} items: ${report.fetched} fetched, ${report.rendered} rendered, ${report.removed} removed`,
  );
  return report;
}

function needsFetch(
  summary: ItemSummary,
  known: SyncedItem | undefined,
  store: LoaderContext['store'],
): boolean {
  if (known === undefined || summary.marker === null) return true;
  return known.marker !== summary.marker || !store.has(known.entryId);
}

/**
 * Keeps the entry an item had before this sync, when it failed now: its stored marker is the old
 * one, so the next sync retrieves it again. An entry another item took meanwhile is not kept.
 */
function keepPrevious(
  previous: SyncedItem | undefined,
  itemId: string,
  into: {
    claimed: Map<string, string>;
    nextItems: Record<string, SyncedItem>;
    store: LoaderContext['store'];
  },
): void {
  if (previous === undefined || !into.store.has(previous.entryId)) return;
  if (into.claimed.has(previous.entryId)) return;
  into.claimed.set(previous.entryId, itemId);
  into.nextItems[itemId] = previous;
}
