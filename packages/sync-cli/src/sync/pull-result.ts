import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlanAction } from './planner.ts';
import type { PullFailure, PullLog } from './pull-log.ts';
import { type JobState, STATE_DIR } from './state.ts';
import type { ActionReport } from './writer.ts';

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

/**
 * Whether this pull left no tracked file under the old rules: nothing failed and no local edit
 * is waiting on an incoming version. Only then is the new fingerprint recorded, so a file still
 * in conflict (or failed) is re-rendered, and reported, by the next pull too.
 */
export function renderedAll(log: PullLog): boolean {
  if (log.failed.size > 0) return false;
  return !log.reports.some((report) => report.error !== undefined || report.incoming);
}

function countKinds(actions: readonly ActionReport[]): Record<PlanAction['kind'], number> {
  const counts = { create: 0, update: 0, delete: 0, conflict: 0, skip: 0 };
  for (const action of actions) if (!action.error) counts[action.kind]++;
  return counts;
}

export function jobReport(key: string, job: Readonly<JobState>): PullJobReport {
  return {
    key,
    jobId: job.jobId,
    status: job.collected ? `${job.status} (collected)` : job.status,
    itemId: job.itemId,
    error: job.error,
  };
}

export function jobReports(jobs: Iterable<[string, Readonly<JobState>]>): PullJobReport[] {
  return [...jobs].map(([key, job]) => jobReport(key, job));
}

/** The result: every report, failures last (a file's own error, then the held-back deletions). */
export function pullResult(
  log: PullLog,
  run: { dryRun: boolean; outDir: string; guardedDeletes: number; tracked: number; listed: number },
  jobs: PullJobReport[],
  requests: number,
): PullResult {
  for (const report of log.reports) {
    if (report.error) log.fail(report.itemId, `${report.file}: ${report.error}`);
  }
  if (run.guardedDeletes > 0) {
    log.fail(
      null,
      `held back ${run.guardedDeletes} deletion(s): the listing shrank from ${run.tracked} to ${run.listed} items; rerun with --force if that is real`,
    );
  }
  return {
    dryRun: run.dryRun,
    outDir: run.outDir,
    actions: log.reports,
    counts: countKinds(log.reports),
    failures: log.failures,
    guardedDeletes: run.guardedDeletes,
    jobs,
    requests,
  };
}

/** Kept out of state.json (which is committed) so a no-op pull leaves git clean. */
export async function writeLastPull(root: string): Promise<void> {
  await mkdir(join(root, STATE_DIR), { recursive: true });
  await writeFile(
    join(root, STATE_DIR, 'last-pull.json'),
    `${JSON.stringify({ at: new Date().toISOString() })}\n`,
  );
}
