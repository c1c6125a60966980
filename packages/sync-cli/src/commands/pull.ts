import type { ProjectEnv } from '@robowrite/core';
import { statusesWarning } from '@robowrite/core';
import type { Reporter } from '../output/reporter.ts';
import { createContext } from '../sync/context.ts';
import { type PullOptions, pull } from '../sync/pull.ts';
import { UsageError } from './exit-codes.ts';
import { pullExitCode, pullJson, reportPull } from './render-pull.ts';
import { watchCommand } from './watch.ts';

export interface PullFlags {
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  status?: string[];
  brand?: string;
  out?: string;
  forceOut?: boolean;
  watch?: boolean;
  interval?: number;
  branches?: boolean;
}

export async function pullCommand(
  root: string,
  flags: PullFlags,
  reporter: Reporter,
  env: ProjectEnv,
): Promise<number> {
  const overrides = {
    env,
    outDir: flags.out,
    brand: flags.brand,
    statuses: flags.status,
    forceOut: flags.forceOut,
  };
  if (flags.watch && flags.dryRun) {
    throw new UsageError('--watch writes as drafts land; it cannot be combined with --dry-run');
  }
  if (flags.branches) {
    if (flags.watch || flags.dryRun || flags.force) {
      throw new UsageError('--branches cannot be combined with --watch, --dry-run or --force');
    }
    const { pullBranchesCommand } = await import('./pull-branches.ts');
    return pullBranchesCommand(root, overrides, { json: flags.json ?? false }, reporter);
  }
  if (flags.watch) {
    return watchCommand(root, overrides, reporter, {
      force: flags.force ?? false,
      json: flags.json ?? false,
      ...(flags.interval ? { intervalMs: flags.interval } : {}),
    });
  }
  const ctx = await createContext(root, overrides);
  const statusWarning = statusesWarning(ctx.config.provider, ctx.config.statuses);
  if (statusWarning !== null) reporter.warn(statusWarning);
  const options: PullOptions = {
    force: flags.force ?? false,
    dryRun: flags.dryRun ?? false,
    onProgress: (event) => {
      if (event.type === 'read') reporter.progress(event.done, event.total, 'reading drafts');
      if (event.type === 'notice') reporter.warn(event.message);
    },
  };
  const result = await pull(ctx, options);
  reporter.clear();
  if (flags.json) reporter.document(pullJson(root, result));
  else reportPull(reporter, root, result);
  return pullExitCode(result);
}
