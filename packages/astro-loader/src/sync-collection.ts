import { fileURLToPath } from 'node:url';
import {
  type DraftSummary,
  errorLine,
  idRecord,
  type NeutralizeOptions,
  PROVIDER_LABELS,
  statusesWarning,
} from '@robowrite/core';
import type { LoaderContext } from 'astro/loaders';
import { loaderCredentials, type ProviderCache } from './client.ts';
import { EntryClaims } from './entry-claims.ts';
import { RobowriteSyncError } from './errors.ts';
import { listedDrafts } from './listed-drafts.ts';
import type { ResolvedSourceOptions, RobowriteSourceOptions } from './options.ts';
import { checkedLoaderProvider } from './provider-choice.ts';
import { type Retrieved, retrieveChanged } from './retrieve-changed.ts';
import { type LogLines, scrubbedLogger } from './scrubbed-logger.ts';
import { storeFetched } from './store-fetched.ts';
import { syncHint } from './sync-hint.ts';
import {
  fullReloadReason,
  readSyncState,
  SYNC_STATE_FORMAT,
  type SyncedItem,
  writeSyncState,
} from './sync-state.ts';

/** How a sync runs, whichever the provider. */
export interface SyncRunOptions {
  /**
   * When the API fails during a sync, keep the entries of the last successful sync and log a
   * warning instead of failing the build. Off by default: a build should not silently ship stale
   * content. A first sync with nothing to keep fails either way.
   */
  keepStaleOnError?: boolean;
  /** Item retrieves in flight at once; the client's rate limiter still paces them. */
  concurrency?: number;
}

/** `allowRawHtml` (core's `NeutralizeOptions`): off by default, see the README's Security. */
export type SyncOptions = RobowriteSourceOptions & NeutralizeOptions & SyncRunOptions;

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
  providers: ProviderCache,
): Promise<SyncReport | null> {
  const { store, meta } = context;
  // The `.env` of the Astro project, wherever the build was started from.
  const credentials = await loaderCredentials(options, fileURLToPath(context.config.root));
  const logger = scrubbedLogger(context.logger, credentials.apiKey);
  const scope = context.generateDigest(
    JSON.stringify({
      // RoboWrite's scope keeps its shape from before providers, so upgrading reloads nothing.
      ...(resolved.provider === 'robowrite' ? {} : { provider: resolved.provider }),
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
  const statusWarning = statusesWarning(resolved.provider, resolved.statuses);
  if (statusWarning !== null) logger.warn(statusWarning);
  let summaries: DraftSummary[];
  let changed: DraftSummary[];
  let drafts: Retrieved[];
  try {
    const provider = providers.providerFor(credentials, logger);
    summaries = await listedDrafts(provider, resolved);
    changed = summaries.filter((summary) => needsFetch(summary, known[summary.id], store));
    const unmarked = summaries.filter((summary) => summary.marker === null).length;
    if (unmarked > 0) {
      logger.info(
        `${unmarked} listed items carry no change marker: retrieving them to compare versions`,
      );
    }
    drafts = await retrieveChanged(provider, changed, resolved, {
      concurrency: options.concurrency ?? 4,
      logger,
      apiKey: credentials.apiKey,
    });
  } catch (error) {
    return failedSync(context, options, error, credentials.apiKey, logger);
  }

  const fetchedIds = new Set(changed.map((summary) => summary.id));
  const claims = EntryClaims.carryUnchanged(summaries, fetchedIds, known);
  const outcomes = await storeFetched(context, changed, drafts, claims, {
    known,
    resolved,
    allowRawHtml: options.allowRawHtml === true,
    logger,
  });
  const removed = claims.removeUnclaimed(store);

  writeSyncState(meta, {
    format: SYNC_STATE_FORMAT,
    scope,
    syncedAt: new Date().toISOString(),
    items: claims.nextItems,
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
  summary: DraftSummary,
  known: SyncedItem | undefined,
  store: LoaderContext['store'],
): boolean {
  if (known === undefined || summary.marker === null) return true;
  return known.marker !== summary.marker || !store.has(known.entryId);
}

/** A sync whose requests failed: keep the last entries when asked to, else fail in one line. */
function failedSync(
  context: LoaderContext,
  options: SyncOptions,
  error: unknown,
  apiKey: string | undefined,
  logger: LogLines,
): null {
  const reason = errorLine(error, { secrets: [apiKey] });
  const kept = context.store.keys().length;
  if (options.keepStaleOnError && kept > 0) {
    logger.warn(`sync failed (${reason}); keeping the ${kept} entries of the last sync`);
    return null;
  }
  const provider = checkedLoaderProvider(options.provider);
  throw new RobowriteSyncError(
    `${PROVIDER_LABELS[provider]} sync of collection "${context.collection}" failed: ${reason}`,
    syncHint(error, kept, provider),
  );
}
