import type { Draft, DraftSummary, ProviderV1 } from '@robowrite/core';
import { type ApplyRun, applyReads, applyUnread, markCollectedJobs } from './apply-pull.ts';
import type { SyncContext } from './context.ts';
import { DraftReader } from './draft-reader.ts';
import { confinedPath } from './inside-folder.ts';
import type { JobSchedule } from './job-schedule.ts';
import { listInScope } from './list-in-scope.ts';
import { listedFreshness } from './listed-freshness.ts';
import { lockOptions, withLock } from './lock.ts';
import { advanceJobs, type JobItem } from './pending-jobs.ts';
import { PullLog } from './pull-log.ts';
import {
  jobReports,
  type PullResult,
  pullResult,
  renderedAll,
  writeLastPull,
} from './pull-result.ts';
import { planReads, type ReadPlanInput, type SettledNames, settleNames } from './read-plan.ts';
import { renderFingerprint } from './render-rules.ts';
import { SyncStateStore } from './sync-state.ts';
import { type ActionOutcome, prepareOutput, readTextOrNull, saveApplied } from './writer.ts';

export { BATCH_SIZE } from './apply-pull.ts';
export type { PullFailure } from './pull-log.ts';
export type { PullJobReport, PullResult } from './pull-result.ts';
export { OutDirChangedError } from './sync-state.ts';

export interface PullOptions {
  force?: boolean;
  dryRun?: boolean;
  /** Only these items (no listing, no deletions): `generate --wait` collecting its draft. */
  only?: readonly string[];
  signal?: AbortSignal;
  /** Listing done, each read, each applied action (progress bars, watch events). */
  onProgress?: (event: PullProgress) => void;
  /** How long to wait for another run's lock (default 60 s). */
  lockWaitMs?: number;
  /** A watching process's job-poll schedule; without one every pending job is polled once. */
  schedule?: JobSchedule;
}

export type PullProgress =
  | { type: 'listed'; total: number; toRead: number }
  | { type: 'read'; done: number; total: number }
  | { type: 'action'; outcome: ActionOutcome }
  /** Something the user should read once, e.g. a stale lock that was removed. */
  | { type: 'notice'; message: string };

/**
 * Bring the output folder up to date with the API. Holds the lock for the whole run. A dry run
 * takes no lock: it writes nothing (no lock file, no `.robowrite/`, no state), so it is a
 * snapshot read, and a concurrent pull can at worst make its plan out of date.
 */
export async function pull(ctx: SyncContext, options: PullOptions = {}): Promise<PullResult> {
  if (options.dryRun) return pullLocked(ctx, options);
  return withLock(
    ctx.root,
    lockOptions('pull', options, (message) => options.onProgress?.({ type: 'notice', message })),
    () => pullLocked(ctx, options),
  );
}

/** The state, checked: entries naming files outside the output folder are dropped, one line each. */
async function openState(ctx: SyncContext, dryRun: boolean, log: PullLog) {
  const open = { readOnly: dryRun, checkOutDir: true };
  const { store, rejected } = await SyncStateStore.open(ctx.root, ctx.config.outDir, open);
  for (const message of rejected) log.fail(null, message);
  // Files written under other rules (an older robowrite, another `allowRawHtml`) are re-read and
  // re-rendered like a moved marker; the usual planning keeps local edits.
  const fingerprint = renderFingerprint(ctx.config);
  return { store, fingerprint, rerender: store.file.rendered !== fingerprint };
}

function applyRun(
  ctx: SyncContext,
  fields: Omit<ApplyRun, 'paths' | 'allowRawHtml' | 'readFile'>,
): ApplyRun {
  return {
    ...fields,
    paths: { root: ctx.root, outDir: ctx.outDir },
    allowRawHtml: ctx.config.allowRawHtml,
    readFile: (file) => readTextOrNull(confinedPath(ctx.outDir, file)),
  };
}

/** The end of a pull that writes: saved (orphans removed after), and its time stamped. */
async function saveAndStamp(run: ApplyRun): Promise<void> {
  await saveApplied(run.paths, run.store);
  await writeLastPull(run.paths.root);
}

interface Planned {
  reader: DraftReader;
  /** Drafts read to settle names, applied first. */
  first: [string, Draft][];
  settled: SettledNames;
}

/**
 * The plan, pure (what to read and why, markers to upgrade, names the listing settles), then the
 * reads the listing cannot name, so every name is settled before anything is written (against a
 * list with slugs, a handful of items).
 */
async function planPull(
  ctx: SyncContext,
  run: {
    provider: ProviderV1;
    store: SyncStateStore;
    log: PullLog;
    listed: Map<string, DraftSummary>;
  },
  input: Omit<ReadPlanInput, 'listed' | 'tracked' | 'filename'>,
  options: PullOptions,
): Promise<Planned> {
  const { provider, store, log, listed } = run;
  const progress = options.onProgress ?? (() => {});
  const tracked = new Map(store.items());
  const full: ReadPlanInput = { ...input, listed, tracked, filename: ctx.config.filename };
  const plan = planReads(full);
  for (const [id, marker] of plan.upgrades) store.upgradeMarker(id, marker);
  progress({ type: 'listed', total: listed.size, toRead: plan.reads.size });
  const reader = new DraftReader({
    ...{ provider, store, log, listed: new Set(listed.keys()), signal: options.signal },
    ...ctx.config.frontmatter,
    onRead: (done, total) => progress({ type: 'read', done, total }),
  });
  reader.total = plan.reads.size;
  const first = await reader.readBatch(plan.unnamed);
  const settled = settleNames(full, plan, new Map(first.map(([id, draft]) => [id, draft.slug])));
  reader.total = settled.reads.size;
  return { reader, first, settled };
}

/**
 * The landed jobs' items still to read. One the listing shows unchanged since the file was
 * written (a watch wrote it from the listing before the job's poll was due) is linked to its
 * job in the state instead: the job is collected without a second read of the same draft.
 */
function jobItemsToRead(
  store: SyncStateStore,
  jobItems: ReadonlyMap<string, JobItem>,
  listed: ReadonlyMap<string, DraftSummary>,
  renderAgain: boolean,
): string[] {
  const toRead: string[] = [];
  for (const [id, job] of jobItems) {
    const summary = listed.get(id);
    const fresh = summary && listedFreshness(store.item(id), summary.marker) === 'unchanged';
    if (fresh && !renderAgain) store.linkJob(id, job);
    else toRead.push(id);
  }
  return toRead;
}

/** When each generation was sent, by draft id, for a provider whose drafts carry no date. */
function rememberStartTimes(ctx: SyncContext, store: SyncStateStore): void {
  for (const [, job] of store.jobs()) {
    if (job.itemId && job.startedAt) ctx.startedAt.set(job.itemId, job.startedAt);
  }
}

async function pullLocked(ctx: SyncContext, options: PullOptions): Promise<PullResult> {
  const { signal, only } = options;
  const [force, dryRun] = [options.force ?? false, options.dryRun ?? false];
  const { provider } = ctx;
  // The provider's client counts what it sends (retries included): this pull's share.
  const requestsBefore = provider.requestCount();
  const log = new PullLog();
  // 1. The state, checked, and whether its files were rendered under today's rules.
  const { store, fingerprint, rerender } = await openState(ctx, dryRun, log);
  const trackedBefore = store.trackedCount;
  rememberStartTimes(ctx, store);

  // 2. Pending jobs: finish interrupted requests, then read where each job is.
  const { schedule } = options;
  const jobItems = await advanceJobs({ provider, store, dryRun, signal, schedule }, log);

  // 3. The listing (skipped for targeted pulls, and where the API has none: such a provider's
  // drafts are the generations in the state, and nothing is deleted for not being listed).
  const { listed, complete } =
    only === undefined && provider.listing === 'complete'
      ? await listInScope(ctx, signal, (line) => log.fail(null, line))
      : { listed: new Map<string, DraftSummary>(), complete: false };

  // 4. The plan, and the reads that settle every name before anything is written.
  const toRead = dryRun
    ? [...jobItems.keys()]
    : jobItemsToRead(store, jobItems, listed, force || rerender);
  const planInput = { jobItems: toRead, only, force, rerender };
  const { reader, first, settled } = await planPull(
    ctx,
    { provider, store, log, listed },
    planInput,
    options,
  );

  // 5. Render, plan and apply in batches as the rest is read, one batch ahead.
  const onAction = (outcome: ActionOutcome) => options.onProgress?.({ type: 'action', outcome });
  const fields = { store, log, names: settled.names, listed, listingComplete: complete };
  const run = applyRun(ctx, { ...fields, jobItems, force, dryRun, onAction, signal });
  if (!dryRun) {
    signal?.throwIfAborted();
    await prepareOutput(run.paths, store);
  }
  await applyReads(run, first, reader, settled.streamed);

  // 6. What was not read: unchanged items, deletions (held back when implausible).
  const guardedDeletes = await applyUnread(run, trackedBefore);

  // 7. Record what this pull settled: collected jobs, the render rules, the state, the time.
  if (!dryRun) {
    markCollectedJobs(store);
    const covered = only === undefined && complete && guardedDeletes === 0;
    if (rerender && covered && renderedAll(log)) store.setRendered(fingerprint);
    await saveAndStamp(run);
  }
  const sizes = { guardedDeletes, tracked: trackedBefore, listed: listed.size };
  const result = { dryRun, outDir: ctx.outDir, ...sizes };
  return pullResult(
    log,
    result,
    jobReports(store.jobs()),
    provider.requestCount() - requestsBefore,
  );
}
