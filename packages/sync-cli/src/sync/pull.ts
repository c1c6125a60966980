import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AuthenticationError,
  type ContentItem,
  type ContentItemSummary,
  changeMarker,
  checkDraftSize,
  type Draft,
  entryData,
  hasDraftBody,
  InvalidEntryError,
  isInScope,
  LANDED_JOB_STATUSES,
  NotFoundError,
  neutralizeMarkdown,
  toDraft,
} from '@robowrite/core';
import pLimit from 'p-limit';
import type { SyncContext } from './context.ts';
import { renderMarkdown } from './frontmatter.ts';
import { confinedPath } from './inside-folder.ts';
import {
  applyJobSnapshot,
  hasLanded,
  isFinalRejection,
  isPending,
  REQUESTING,
  sendJobRequests,
} from './jobs.ts';
import { listedFreshness } from './listed-freshness.ts';
import { withLock } from './lock.ts';
import { assignNames } from './naming.ts';
import { type DesiredFile, type PlanAction, planFile, planUnread } from './planner.ts';
import { quote } from './quote.ts';
import { renderFingerprint } from './render-rules.ts';
import { type JobState, loadState, STATE_DIR, type SyncStateFile, writeState } from './state.ts';
import {
  type ActionOutcome,
  type ActionReport,
  applyActions,
  prepareOutput,
  readTextOrNull,
  reportOf,
  saveApplied,
  WRITE_CONCURRENCY,
} from './writer.ts';

/** The output folder moved away from the files the state tracks: a pull would orphan them. */
export class OutDirChangedError extends Error {
  override name = 'OutDirChangedError';
}

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
}

export type PullProgress =
  | { type: 'listed'; total: number; toRead: number }
  | { type: 'read'; done: number; total: number }
  | { type: 'action'; outcome: ActionOutcome }
  /** Something the user should read once, e.g. a stale lock that was removed. */
  | { type: 'notice'; message: string };

export interface PullFailure {
  itemId: string | null;
  message: string;
}

export interface PullJobReport {
  key: string;
  jobId: string | null;
  status: string;
  itemId: string | null;
  error: string | null;
}

export interface PullResult {
  dryRun: boolean;
  outDir: string;
  /** What happened to each item (without the rendered text, which is not kept). */
  actions: ActionReport[];
  counts: Record<PlanAction['kind'], number>;
  failures: PullFailure[];
  /** Deletions held back by the shrink guard (rerun with --force to apply them). */
  guardedDeletes: number;
  jobs: PullJobReport[];
  /** API requests this pull made (watch mode budgets by it). */
  requests: number;
}

/** Item reads in flight. */
const READ_CONCURRENCY = 8;
/** Items rendered and written together; with the next batch being read, what memory holds. */
export const BATCH_SIZE = 64;
/**
 * Items applied between state saves. Saving rewrites the whole state file (fsynced), so saving
 * after every batch would cost O(N^2 / batch); between saves a kill only costs the next run
 * re-reading those items (it adopts files that already hold what it would write).
 */
const SAVE_EVERY = 1_000;

function errorLine(error: unknown): string {
  // Already one line, and the caller names the item.
  if (error instanceof InvalidEntryError) return error.reason;
  if (error instanceof AuthenticationError) {
    return `${error.message.split('\n')[0]} (check ROBOWRITE_API_KEY in the environment or .env)`;
  }
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/**
 * Bring the output folder up to date with the API. Holds the lock for the whole run. A dry run
 * takes no lock: it writes nothing (no lock file, no `.robowrite/`, no state), so it is a
 * snapshot read, and a concurrent pull can at worst make its plan out of date.
 */
export async function pull(ctx: SyncContext, options: PullOptions = {}): Promise<PullResult> {
  if (options.dryRun) return pullLocked(ctx, options);
  return withLock(
    ctx.root,
    {
      command: 'pull',
      ...(options.signal ? { signal: options.signal } : {}),
      onStaleLock: (message) => options.onProgress?.({ type: 'notice', message }),
      ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    },
    () => pullLocked(ctx, options),
  );
}

async function pullLocked(ctx: SyncContext, options: PullOptions): Promise<PullResult> {
  const { signal } = options;
  const force = options.force ?? false;
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => {});
  const { state, rejected } = await loadState(ctx.root, ctx.config.outDir);
  if (state.outDir !== ctx.config.outDir) {
    if (Object.keys(state.items).length > 0) {
      throw new OutDirChangedError(
        `.robowrite/state.json tracks files in ${quote(state.outDir)}, not ${quote(ctx.config.outDir)}: move the folder and set outDir back, or delete the state's "items" to start the new folder from scratch`,
      );
    }
    state.outDir = ctx.config.outDir;
  }
  // Files written under other rules (an older robowrite, another `allowRawHtml`) are re-read and
  // re-rendered like a moved marker; the usual planning keeps local edits.
  const fingerprint = renderFingerprint(ctx.config);
  const rerender = state.rendered !== fingerprint;
  // State entries naming files outside the output folder: dropped, and each reported in a line.
  const failures: PullFailure[] = rejected.map((message) => ({ itemId: null, message }));
  let requests = 0;
  const save = async () => {
    if (!dryRun) await writeState(ctx.root, state);
  };

  // 1. Pending jobs: finish interrupted requests, then read where each job is.
  const jobItems = new Map<string, { jobId: string; status: string }>();
  for (const [key, job] of Object.entries(state.jobs)) {
    if (!isPending(job)) continue;
    try {
      if (!job.jobId && !dryRun) {
        await sendJobRequests(ctx, job, save, signal);
        requests += 2;
      }
      if (job.jobId && !hasLanded(job)) {
        requests++;
        applyJobSnapshot(job, await ctx.client.jobs.retrieve(job.jobId, { signal }), ctx.apiKey);
      }
      if (job.jobId && hasLanded(job) && job.itemId) {
        jobItems.set(job.itemId, { jobId: job.jobId, status: job.status });
      } else if (LANDED_JOB_STATUSES.has(job.status) && !job.itemId) {
        // An outcome without an item: nothing will ever land, so stop polling it.
        job.collected = true;
        job.error ??= 'the job ended without a content item';
      }
      if (job.status !== REQUESTING && job.error && !hasLanded(job)) {
        failures.push({
          itemId: job.itemId,
          message: `job ${job.jobId} ${job.status}: ${job.error}`,
        });
      }
    } catch (error) {
      failures.push({ itemId: job.itemId, message: `job ${key}: ${errorLine(error)}` });
      // Refused outright: reported once, then no longer pending (a retry would fail the same).
      if (!job.jobId && !dryRun && isFinalRejection(error)) {
        job.status = 'failed';
        job.error = errorLine(error);
      }
    }
  }
  await save();

  // 2. The listing (skipped for targeted pulls).
  const listed = new Map<string, ContentItemSummary>();
  let listingComplete = options.only === undefined;
  if (options.only === undefined) {
    try {
      for (const status of ctx.config.statuses) {
        for await (const page of ctx.client.content
          .list({ status, limit: 200 }, { signal })
          .iterPages()) {
          requests++;
          for (const summary of page.items) {
            // Core's rule, the loader's too: brand, and whether it was ever generated.
            if (isInScope(summary, ctx.config.brand ?? null)) listed.set(summary.id, summary);
          }
        }
      }
    } catch (error) {
      // A rejected key rejects every request: the run could not start, so it ends here with the
      // error alone rather than a summary of nothing that reads like a partial pull.
      if (error instanceof AuthenticationError) throw error;
      listingComplete = false;
      failures.push({ itemId: null, message: `listing content failed: ${errorLine(error)}` });
    }
  }

  // 3. Which items to read: new, changed by marker, renamed, or without a marker to compare.
  const toRead = new Set<string>(options.only ?? []);
  for (const itemId of jobItems.keys()) toRead.add(itemId);
  for (const [id, summary] of listed) {
    const known = state.items[id];
    const freshness = force || rerender ? 'read' : listedFreshness(known, summary);
    if (freshness === 'read') toRead.add(id);
    else if (freshness === 'upgrade' && known) known.marker = changeMarker(summary);
  }
  const nameFor = (id: string, slug: string) => (ctx.config.filename === 'id' ? id : slug);
  const current = new Map(Object.entries(state.items).map(([id, item]) => [id, item.file]));
  // Names are assigned over everything we know, files already on disk included (items not
  // listed this run still hold their names until removed), so collisions resolve the same way
  // whatever subset a run reads.
  const naming = new Map<string, { id: string; slug: string }>();
  for (const [id, item] of Object.entries(state.items)) {
    naming.set(id, { id, slug: item.file.replace(/\.md$/, '') });
  }
  for (const [id, s] of listed) naming.set(id, { id, slug: nameFor(id, s.slug ?? id) });
  const summaryNames = assignNames([...naming.values()], current);
  for (const [id, name] of summaryNames) {
    if (!listed.has(id)) continue;
    const known = state.items[id];
    if (known && known.file !== name.file) toRead.add(id);
  }
  progress({ type: 'listed', total: listed.size, toRead: toRead.size });

  // 4. Reading, one item at a time (a failure is one line; the item is left exactly as it was).
  const include: ('scoring' | 'sources')[] = [];
  if (ctx.config.frontmatter.scoring) include.push('scoring');
  if (ctx.config.frontmatter.sources) include.push('sources');
  const failed = new Set<string>();
  let done = 0;
  const readOne = async (id: string): Promise<Draft | null> => {
    try {
      requests++;
      const item: ContentItem = await ctx.client.content.retrieve(id, { include }, { signal });
      const draft = toDraft(item);
      if (!hasDraftBody(draft)) return null;
      // Before the batch holds it: an oversized body is dropped here, not rendered.
      checkDraftSize(draft);
      return draft;
    } catch (error) {
      if (error instanceof NotFoundError && !listed.has(id)) {
        // Gone upstream: for a landed job there is nothing left to collect.
        for (const job of Object.values(state.jobs)) if (job.itemId === id) job.collected = true;
        return null;
      }
      failed.add(id);
      failures.push({ itemId: id, message: `${id}: ${errorLine(error)}` });
      return null;
    } finally {
      progress({ type: 'read', done: ++done, total: toRead.size });
    }
  };
  const readBatch = async (ids: readonly string[]): Promise<[string, Draft][]> => {
    const drafts = await pLimit(READ_CONCURRENCY).map(ids, readOne);
    return ids.flatMap((id, i) => {
      const draft = drafts[i];
      return draft ? [[id, draft] as [string, Draft]] : [];
    });
  };

  // 5. Names, settled before anything is written so no batch is ever renamed afterwards. The
  // listing settles most (its slugs, assigned over everything known); only items it does not
  // name (targeted or job items it did not list, or a list without slugs) are read first, and
  // held until every name is known. Against a list with slugs that is a handful of items.
  const nameSettled = (id: string) =>
    ctx.config.filename === 'id' || typeof listed.get(id)?.slug === 'string';
  const first = await readBatch([...toRead].filter((id) => !nameSettled(id)).sort());
  for (const [id, draft] of first) naming.set(id, { id, slug: nameFor(id, draft.slug) });
  const names = first.length > 0 ? assignNames([...naming.values()], current) : summaryNames;
  for (const [id, name] of names) {
    if (!listed.has(id) || toRead.has(id)) continue;
    const known = state.items[id];
    if (known && known.file !== name.file) toRead.add(id);
  }
  const readFirst = new Set(first.map(([id]) => id));
  const streamed = [...toRead].filter((id) => nameSettled(id) && !readFirst.has(id)).sort();

  // 6. Render, plan and apply in batches as reads arrive: memory holds a batch or two of drafts,
  // whatever N is. The state is saved at safe points (after a batch's files are durable), so a
  // run killed anywhere leaves each file old or new and the next run adopts what it finds.
  const paths = { root: ctx.root, outDir: ctx.outDir };
  const readFile = (file: string) => readTextOrNull(confinedPath(ctx.outDir, file));
  const trackedBefore = Object.keys(state.items).length;
  const planned = new Set<string>();
  const reports: ActionReport[] = [];
  let unsaved = 0;
  const render = (id: string, draft: Draft): DesiredFile | null => {
    const name = names.get(id);
    if (!name) return null;
    const known = state.items[id];
    const job =
      jobItems.get(id) ?? (known?.jobId ? { jobId: known.jobId, status: known.jobStatus } : null);
    try {
      // The entry the site's build will read (core's entryData, what the loader stores too),
      // checked against the shared schema before writing. The job stays in the state only.
      const data = entryData(draft, name.slug);
      const summary = listed.get(id);
      return {
        itemId: id,
        file: name.file,
        // The file must be safe on disk: the site's own Markdown pipeline renders it and passes
        // raw HTML through. Core's neutralizeMarkdown is the one the Astro loaders apply too.
        text: renderMarkdown(
          data as Record<string, unknown>,
          neutralizeMarkdown(draft.body, { allowRawHtml: ctx.config.allowRawHtml }),
        ),
        versionId: draft.versionId,
        marker: summary ? changeMarker(summary) : (known?.marker ?? null),
        jobId: job?.jobId ?? null,
        jobStatus: job?.status ?? null,
      };
    } catch (error) {
      failed.add(id);
      failures.push({ itemId: id, message: `${id}: ${errorLine(error)}` });
      return null;
    }
  };
  const applyBatch = async (drafts: readonly [string, Draft][]) => {
    // Not once stopping: a half-read batch is not applied.
    signal?.throwIfAborted();
    const desired = drafts.flatMap(([id, draft]) => render(id, draft) ?? []);
    for (const file of desired) planned.add(file.itemId);
    const actions = await pLimit(WRITE_CONCURRENCY).map(desired, (file) =>
      planFile(file, state.items[file.itemId], { force, readFile }),
    );
    if (dryRun) {
      for (const action of actions) reports.push(reportOf(action));
      return;
    }
    const outcomes = await applyActions(paths, state, actions, (outcome) =>
      progress({ type: 'action', outcome }),
    );
    for (const outcome of outcomes) reports.push(reportOf(outcome));
    unsaved += outcomes.length;
    if (unsaved >= SAVE_EVERY) {
      await saveApplied(paths, state);
      unsaved = 0;
    }
  };

  if (!dryRun) {
    signal?.throwIfAborted();
    await prepareOutput(paths, state);
  }
  try {
    for (let i = 0; i < first.length; i += BATCH_SIZE) {
      await applyBatch(first.slice(i, i + BATCH_SIZE));
    }
    first.length = 0;
    // Batch k + 1 is read while batch k is written.
    const batchAt = (start: number) =>
      start < streamed.length ? readBatch(streamed.slice(start, start + BATCH_SIZE)) : null;
    let pending = batchAt(0);
    for (let start = 0; pending; start += BATCH_SIZE) {
      const drafts = await pending;
      pending = batchAt(start + BATCH_SIZE);
      try {
        await applyBatch(drafts);
      } catch (error) {
        await pending?.catch(() => {});
        throw error;
      }
    }
  } catch (error) {
    // Stopped part-way (watch mode stopping, a failed save): what was applied is in place and
    // durable, so record it now rather than leave the next run to re-read and adopt it.
    if (!dryRun && unsaved > 0) await saveApplied(paths, state).catch(() => {});
    throw error;
  }

  // 7. What was not read: unchanged items, deletions (held back when implausible).
  signal?.throwIfAborted();
  const rest = await planUnread({
    state,
    planned,
    listed: new Set([...listed.keys(), ...jobItems.keys()]),
    listingComplete,
    failed,
    force,
    readFile,
    tracked: trackedBefore,
  });
  if (dryRun) {
    for (const action of rest.actions) reports.push(reportOf(action));
  } else {
    const outcomes = await applyActions(paths, state, rest.actions, (outcome) =>
      progress({ type: 'action', outcome }),
    );
    for (const outcome of outcomes) reports.push(reportOf(outcome));
    for (const job of Object.values(state.jobs)) {
      if (job.itemId && hasLanded(job) && state.items[job.itemId]?.jobId === job.jobId) {
        job.collected = true;
      }
    }
    const covered = options.only === undefined && listingComplete && rest.guardedDeletes === 0;
    if (rerender && covered && renderedAll(reports, failed)) state.rendered = fingerprint;
    await saveApplied(paths, state);
    await writeLastPull(ctx.root);
  }
  for (const report of reports) {
    if (report.error)
      failures.push({ itemId: report.itemId, message: `${report.file}: ${report.error}` });
  }
  if (rest.guardedDeletes > 0) {
    failures.push({
      itemId: null,
      message: `held back ${rest.guardedDeletes} deletion(s): the listing shrank from ${trackedBefore} to ${listed.size} items; rerun with --force if that is real`,
    });
  }
  return {
    dryRun,
    outDir: ctx.outDir,
    actions: reports,
    counts: countKinds(reports),
    failures,
    guardedDeletes: rest.guardedDeletes,
    jobs: jobReports(state),
    requests,
  };
}

/**
 * Whether this pull left no tracked file under the old rules: nothing failed and no local edit
 * is waiting on an incoming version. Only then is the new fingerprint recorded, so a file still
 * in conflict (or failed) is re-rendered, and reported, by the next pull too.
 */
function renderedAll(reports: readonly ActionReport[], failed: ReadonlySet<string>): boolean {
  if (failed.size > 0) return false;
  return !reports.some((report) => report.error !== undefined || report.incoming);
}

function countKinds(actions: readonly ActionReport[]): Record<PlanAction['kind'], number> {
  const counts = { create: 0, update: 0, delete: 0, conflict: 0, skip: 0 };
  for (const action of actions) if (!action.error) counts[action.kind]++;
  return counts;
}

export function jobReport(key: string, job: JobState): PullJobReport {
  return {
    key,
    jobId: job.jobId,
    status: job.collected ? `${job.status} (collected)` : job.status,
    itemId: job.itemId,
    error: job.error,
  };
}

export function jobReports(state: SyncStateFile): PullJobReport[] {
  return Object.entries(state.jobs).map(([key, job]) => jobReport(key, job));
}

/** Kept out of state.json (which is committed) so a no-op pull leaves git clean. */
async function writeLastPull(root: string): Promise<void> {
  await mkdir(join(root, STATE_DIR), { recursive: true });
  await writeFile(
    join(root, STATE_DIR, 'last-pull.json'),
    `${JSON.stringify({ at: new Date().toISOString() })}\n`,
  );
}
