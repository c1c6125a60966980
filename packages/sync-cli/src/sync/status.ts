import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncContext } from './context.ts';
import { hashText } from './hash.ts';
import { confinedPath } from './inside-folder.ts';
import { hasFailed, isPending } from './jobs.ts';
import { jobReport, type PullJobReport } from './pull-result.ts';
import { loadState, STATE_DIR } from './state.ts';
import { conflictsDir, readTextOrNull } from './writer.ts';

export interface StatusReport {
  outDir: string;
  lastPull: string | null;
  tracked: number;
  /** Files whose content no longer matches what robowrite wrote. */
  modified: { itemId: string; file: string }[];
  /** Files robowrite wrote that are gone locally. */
  missing: { itemId: string; file: string }[];
  /** Incoming versions waiting in `.robowrite/conflicts/`. */
  conflicts: string[];
  pendingJobs: PullJobReport[];
  failedJobs: PullJobReport[];
  /** State entries ignored because their file is not one robowrite could have written. */
  rejected: string[];
}

/** Local only: no API requests, no lock (it reads, never writes). */
export async function getStatus(
  ctx: Pick<SyncContext, 'root' | 'outDir' | 'config'>,
): Promise<StatusReport> {
  const { state, rejected } = await loadState(ctx.root, ctx.config.outDir);
  const modified: StatusReport['modified'] = [];
  const missing: StatusReport['missing'] = [];
  for (const [itemId, item] of Object.entries(state.items).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = await readTextOrNull(confinedPath(ctx.outDir, item.file));
    if (text === null) missing.push({ itemId, file: item.file });
    else if (hashText(text) !== item.hash) modified.push({ itemId, file: item.file });
  }
  const conflicts = (await readdir(conflictsDir(ctx.root)).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.md'))
    .sort();
  const lastPullText = await readTextOrNull(join(ctx.root, STATE_DIR, 'last-pull.json'));
  let lastPull: string | null = null;
  try {
    lastPull = lastPullText ? ((JSON.parse(lastPullText) as { at?: string }).at ?? null) : null;
  } catch {
    lastPull = null;
  }
  const jobs = Object.entries(state.jobs);
  return {
    outDir: ctx.outDir,
    lastPull,
    tracked: Object.keys(state.items).length,
    modified,
    missing,
    conflicts,
    pendingJobs: jobs.filter(([, job]) => isPending(job)).map(([key, job]) => jobReport(key, job)),
    failedJobs: jobs.filter(([, job]) => hasFailed(job)).map(([key, job]) => jobReport(key, job)),
    rejected,
  };
}
