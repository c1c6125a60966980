import { relative } from 'node:path';
import { loadConfig } from '../config/load-config.ts';
import type { Reporter } from '../output/reporter.ts';
import { resolveOutDir } from '../sync/context.ts';
import { getStatus } from '../sync/status.ts';
import { EXIT } from './exit-codes.ts';

export async function statusCommand(
  root: string,
  flags: { json?: boolean; out?: string },
  reporter: Reporter,
): Promise<number> {
  const { config } = await loadConfig(root);
  if (flags.out) config.outDir = flags.out;
  const report = await getStatus({ root, config, outDir: resolveOutDir(root, config.outDir) });
  const code = report.conflicts.length > 0 ? EXIT.conflicts : EXIT.ok;
  if (flags.json) {
    reporter.document({ ...report, outDir: relative(root, report.outDir) || '.' });
    return code;
  }
  for (const line of report.rejected) reporter.warn(line);
  reporter.line(
    `Output folder: ${relative(root, report.outDir) || '.'} (${report.tracked} synced files)`,
  );
  reporter.line(`Last pull: ${report.lastPull ?? 'never'}`);
  reporter.line(`Pending jobs: ${report.pendingJobs.length}`);
  for (const job of report.pendingJobs) {
    reporter.line(`  ${job.key}  job ${job.jobId ?? '(request not confirmed yet)'}  ${job.status}`);
  }
  for (const job of report.failedJobs) {
    reporter.line(
      `  ${job.key}  job ${job.jobId}  ${job.status}${job.error ? `: ${job.error}` : ''}`,
    );
  }
  reporter.line(`Modified locally: ${report.modified.length}`);
  for (const item of report.modified) reporter.line(`  ${item.file}`);
  if (report.missing.length > 0) {
    reporter.line(`Deleted locally: ${report.missing.length}`);
    for (const item of report.missing) reporter.line(`  ${item.file}`);
  }
  reporter.line(`Conflicts: ${report.conflicts.length}`);
  for (const file of report.conflicts)
    reporter.line(`  ${file} (incoming: .robowrite/conflicts/${file})`);
  return code;
}
