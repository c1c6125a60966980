import { AuthenticationError, type PublishingV1 } from '@robowrite/core';
import type { SyncContext } from './context.ts';
import { errorLine } from './error-line.ts';
import { confinedPath } from './inside-folder.ts';
import { lockOptions, withLock } from './lock.ts';
import { decidePublish, type PublishTarget } from './publish-plan.ts';
import type { PublishRecord } from './state.ts';
import { SyncStateStore } from './sync-state.ts';
import { readTextOrNull } from './writer.ts';

export interface PublishOptions {
  /** Archive upstream the items whose published file was deleted on this branch (opt-in). */
  archiveDeleted?: boolean;
  /** Decide and report, send nothing, write nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
  lockWaitMs?: number;
  /** One line the user should read once (a stale lock that was removed). */
  onNotice?: (line: string) => void;
}

export interface PublishReport {
  itemId: string;
  file: string;
  action: 'published' | 'archived' | 'skipped' | 'failed';
  /** Why it was skipped, or the error that failed it (one line, scrubbed). */
  reason: string | null;
}

export interface PublishResult {
  dryRun: boolean;
  /** Every tracked item, in file order. */
  reports: PublishReport[];
  /** Requests the provider's client sent during this run. */
  requests: number;
}

/**
 * Every item the state tracks with a file in the output folder, in file order: the files a plain
 * pull wrote, and the ones `pull --branches` committed on a draft's branch (merged here or not).
 */
export function publishTargets(store: SyncStateStore): PublishTarget[] {
  const targets = new Map<string, PublishTarget>();
  for (const [itemId, branch] of store.branches()) {
    targets.set(itemId, { itemId, file: branch.file, published: branch.published });
  }
  for (const [itemId, item] of store.items()) {
    targets.set(itemId, { itemId, file: item.file, published: item.published });
  }
  return [...targets.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

interface Run {
  ctx: SyncContext;
  store: SyncStateStore;
  publishing: PublishingV1;
  options: PublishOptions;
}

/** One item: decide from its file, send at most one request, record what the API accepted. */
async function publishOne(run: Run, target: PublishTarget): Promise<PublishReport> {
  const { itemId, file } = target;
  const text = await readTextOrNull(confinedPath(run.ctx.outDir, file));
  const decision = decidePublish(target, text, run.options.archiveDeleted ?? false);
  if (decision.kind === 'skip') return { itemId, file, action: 'skipped', reason: decision.reason };
  if (decision.kind === 'fail') return { itemId, file, action: 'failed', reason: decision.reason };
  const action = decision.kind === 'publish' ? 'published' : 'archived';
  if (run.options.dryRun) return { itemId, file, action, reason: null };
  const signal = run.options.signal;
  const at = new Date().toISOString();
  let record: PublishRecord;
  try {
    if (decision.kind === 'publish') {
      await run.publishing.publish(itemId, { signal });
      record = { publishedAt: at, versionId: decision.versionId };
    } else {
      if (!run.publishing.archive) {
        return { itemId, file, action: 'failed', reason: 'this API cannot archive an item' };
      }
      await run.publishing.archive(itemId, { signal });
      record = { ...(target.published ?? { publishedAt: at, versionId: null }), archivedAt: at };
    }
  } catch (error) {
    // A rejected key rejects every request: the run stops with that one error.
    if (error instanceof AuthenticationError || signal?.aborted) throw error;
    return { itemId, file, action: 'failed', reason: errorLine(error) };
  }
  run.store.recordPublished(itemId, record);
  return { itemId, file, action, reason: null };
}

async function publishLocked(
  ctx: SyncContext,
  publishing: PublishingV1,
  options: PublishOptions,
): Promise<PublishResult> {
  const dryRun = options.dryRun ?? false;
  const requestsBefore = ctx.provider.requestCount();
  const { store, rejected } = await SyncStateStore.open(ctx.root, ctx.config.outDir, {
    readOnly: dryRun,
  });
  for (const line of rejected) options.onNotice?.(line);
  const run: Run = { ctx, store, publishing, options };
  const reports: PublishReport[] = [];
  try {
    // One at a time: a merge publishes a handful of drafts, and the API's limit is per org.
    for (const target of publishTargets(store)) reports.push(await publishOne(run, target));
  } finally {
    // What the API accepted is recorded even when the run stops part-way.
    await store.save();
  }
  return { dryRun, reports, requests: ctx.provider.requestCount() - requestsBefore };
}

/**
 * Tells the API which synced drafts are live on this checkout: each tracked file with
 * `draft: false` whose version was not published yet gets one request, recorded in the state, so
 * a second run sends nothing. Holds the pull lock (both write the state); a dry run takes none.
 */
export async function publish(
  ctx: SyncContext,
  publishing: PublishingV1,
  options: PublishOptions = {},
): Promise<PublishResult> {
  if (options.dryRun) return publishLocked(ctx, publishing, options);
  return withLock(ctx.root, lockOptions('publish', options, options.onNotice), () =>
    publishLocked(ctx, publishing, options),
  );
}
