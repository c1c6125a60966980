import type { Draft, DraftSummary } from '@robowrite/core';
import pLimit from 'p-limit';
import { type DraftReader, readAhead } from './draft-reader.ts';
import { errorLine } from './error-line.ts';
import { hasLanded } from './jobs.ts';
import type { AssignedName } from './naming.ts';
import type { JobItem } from './pending-jobs.ts';
import { type DesiredFile, type PlanAction, planFile, planUnread } from './planner.ts';
import type { PullLog } from './pull-log.ts';
import { renderEntry } from './render-entry.ts';
import type { SyncStateStore } from './sync-state.ts';
import {
  type ActionOutcome,
  applyActions,
  type Paths,
  reportOf,
  saveApplied,
  WRITE_CONCURRENCY,
} from './writer.ts';

/**
 * Items rendered and written together; with the next batch being read, what memory holds. Kept
 * small: everything a batch holds outlives a young-generation GC or two while its files are
 * written, so V8 promotes it, and the old generation then grows with garbage. Measured on a cold
 * pull of 10 000 items: 64 a batch peaked at 110-120 MB of old generation, 16 at 48 MB (RSS about
 * 400 against 320 MB), in the same wall time; 8 gave no less.
 */
export const BATCH_SIZE = 16;

/** What applying a pull's reads needs: settled names, the listing, where files go. */
export interface ApplyRun {
  store: SyncStateStore;
  log: PullLog;
  paths: Paths;
  names: ReadonlyMap<string, AssignedName>;
  listed: ReadonlyMap<string, DraftSummary>;
  listingComplete: boolean;
  jobItems: ReadonlyMap<string, JobItem>;
  force: boolean;
  dryRun: boolean;
  allowRawHtml: boolean;
  /** Reads a file in the output folder; null when it does not exist. */
  readFile: (file: string) => Promise<string | null>;
  onAction: (outcome: ActionOutcome) => void;
  signal: AbortSignal | undefined;
}

/** The file an item read this run should be; null (and logged) when it cannot be rendered. */
function desiredFile(run: ApplyRun, id: string, draft: Draft): DesiredFile | null {
  const name = run.names.get(id);
  if (!name) return null;
  const known = run.store.item(id);
  const listed = run.listed.get(id);
  const job =
    run.jobItems.get(id) ?? (known?.jobId ? { jobId: known.jobId, status: known.jobStatus } : null);
  const marker = listed ? listed.marker : (known?.marker ?? null);
  try {
    return renderEntry(id, draft, name, { marker, job }, run.allowRawHtml);
  } catch (error) {
    run.log.itemFailed(id, errorLine(error));
    return null;
  }
}

/** Applies planned actions (a dry run only reports them) and logs each outcome. */
async function applyPlanned(run: ApplyRun, actions: readonly PlanAction[]): Promise<number> {
  if (run.dryRun) {
    for (const action of actions) run.log.reports.push(reportOf(action));
    return 0;
  }
  const outcomes = await applyActions(run.paths, run.store, actions, run.onAction);
  for (const outcome of outcomes) run.log.reports.push(reportOf(outcome));
  return outcomes.length;
}

/** Render, plan and apply one batch of drafts; the state is saved when a save is due. */
async function applyBatch(run: ApplyRun, drafts: readonly [string, Draft][]): Promise<void> {
  // Not once stopping: a half-read batch is not applied.
  run.signal?.throwIfAborted();
  const desired = drafts.flatMap(([id, draft]) => desiredFile(run, id, draft) ?? []);
  for (const file of desired) run.log.planned.add(file.itemId);
  const actions = await pLimit(WRITE_CONCURRENCY).map(desired, (file) =>
    planFile(file, run.store.item(file.itemId), run),
  );
  run.store.countApplied(await applyPlanned(run, actions));
  if (run.store.saveDue) await saveApplied(run.paths, run.store);
}

/**
 * Applies the drafts read first, then the rest as reads arrive, one batch ahead. The state is
 * saved at safe points (after a batch's files are durable), so a run killed anywhere leaves each
 * file old or new and the next run adopts what it finds.
 */
export async function applyReads(
  run: ApplyRun,
  first: [string, Draft][],
  reader: DraftReader,
  streamed: readonly string[],
): Promise<void> {
  try {
    while (first.length > 0) await applyBatch(run, first.splice(0, BATCH_SIZE));
    for await (const drafts of readAhead(streamed, BATCH_SIZE, (ids) => reader.readBatch(ids))) {
      await applyBatch(run, drafts);
    }
  } catch (error) {
    // Stopped part-way (watch mode stopping, a failed save): what was applied is in place and
    // durable, so record it now rather than leave the next run to re-read and adopt it.
    if (!run.dryRun && run.store.hasUnsaved)
      await saveApplied(run.paths, run.store).catch(() => {});
    throw error;
  }
}

/**
 * What was not read: unchanged items, and deletions (held back when implausible: `tracked` is
 * how many items the state held before this pull). Returns how many deletions were held back.
 */
export async function applyUnread(run: ApplyRun, tracked: number): Promise<number> {
  run.signal?.throwIfAborted();
  const rest = await planUnread({
    tracked: new Map(run.store.items()),
    planned: run.log.planned,
    listed: new Set([...run.listed.keys(), ...run.jobItems.keys()]),
    listingComplete: run.listingComplete,
    failed: run.log.failed,
    force: run.force,
    readFile: run.readFile,
    trackedBefore: tracked,
  });
  await applyPlanned(run, rest.actions);
  return rest.guardedDeletes;
}

/** Jobs whose draft is now the tracked file: collected, no longer polled. */
export function markCollectedJobs(store: SyncStateStore): void {
  for (const [key, job] of store.jobs()) {
    if (job.itemId && hasLanded(job) && store.item(job.itemId)?.jobId === job.jobId) {
      store.markCollected(key);
    }
  }
}
