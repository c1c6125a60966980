import { relative } from 'node:path';
import type { ProjectEnv } from '@robowrite/core';
import type { Reporter } from '../output/reporter.ts';
import { createContext } from '../sync/context.ts';
import { type PublishReport, type PublishResult, publish } from '../sync/publish.ts';
import { EXIT } from './exit-codes.ts';

export interface PublishFlags {
  archiveDeleted?: boolean;
  dryRun?: boolean;
  json?: boolean;
  out?: string;
  forceOut?: boolean;
}

function count(reports: readonly PublishReport[], action: PublishReport['action']): number {
  return reports.filter((report) => report.action === action).length;
}

function reportPublish(reporter: Reporter, outDir: string, result: PublishResult): void {
  for (const report of result.reports) {
    if (report.action === 'skipped') continue;
    const where = `${outDir}/${report.file} (${report.itemId})`;
    const verb = result.dryRun && report.action !== 'failed' ? `would be ${report.action}` : '';
    if (report.action === 'failed') reporter.error(`${where}: ${report.reason}`);
    else reporter.line(`${report.action.padEnd(9)} ${where}${verb ? ` (${verb})` : ''}`);
  }
  reporter.line(
    `${result.dryRun ? 'Dry run: ' : ''}${count(result.reports, 'published')} published, ${count(result.reports, 'archived')} archived, ${count(result.reports, 'failed')} failed, ${count(result.reports, 'skipped')} unchanged (${result.requests} requests)`,
  );
}

/**
 * `robowrite publish`: after a merge, tells the API which synced drafts are now live on this
 * checkout. Exit 0 when every item went through (or had nothing to do), 1 when one failed (the
 * others still ran), 2 for bad flags or config.
 */
export async function publishCommand(
  root: string,
  flags: PublishFlags,
  reporter: Reporter,
  env: ProjectEnv,
): Promise<number> {
  const ctx = await createContext(root, { outDir: flags.out, forceOut: flags.forceOut, env });
  const publishing = ctx.provider.publishing;
  if (!publishing) {
    const line = `${ctx.provider.name} has no API route that sets a published state: publish skipped`;
    if (flags.json) reporter.document({ skipped: line, reports: [], requests: 0 });
    else reporter.line(line);
    return EXIT.ok;
  }
  const result = await publish(ctx, publishing, {
    archiveDeleted: flags.archiveDeleted ?? false,
    dryRun: flags.dryRun ?? false,
    onNotice: (line) => reporter.warn(line),
  });
  if (flags.json) reporter.document(result);
  else reportPublish(reporter, relative(root, ctx.outDir) || '.', result);
  return count(result.reports, 'failed') > 0 ? EXIT.failure : EXIT.ok;
}
